/* exe_dir.c — the folder of the running program, where the model and the
 * web page are looked for beside it (stance/model.c, server/static_files.c). */
#include "util/util.h"

#include <string.h>
#include <unistd.h>

bool mz_exe_dir(char *out, size_t cap)
{
    ssize_t n = cap > 1 ? readlink("/proc/self/exe", out, cap - 1) : -1;
    if (n <= 0)
        return false;
    out[n] = '\0';
    char *slash = strrchr(out, '/');
    if (!slash)
        return false;
    *slash = '\0';
    return true;
}
