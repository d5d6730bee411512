/*
 * output_path.c — an output file (train --out, eval --predictions) that
 * cannot be written, said before the work: `train --cv --out` into a folder
 * that does not exist ran 26 s of cross-validation on baly2018, then failed.
 */
#include "cli/cli.h"

#include <errno.h>
#include <stdbool.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int cli_output_writable(const char *cmd, const char *what, const char *path)
{
    struct stat st;
    int why = 0;
    bool exists = stat(path, &st) == 0;
    if (exists && S_ISDIR(st.st_mode)) {
        why = EISDIR;
    } else if (!exists || access(path, W_OK) != 0) {
        /* a new file, or one not writable in place: its folder must exist
         * and take it (the write goes to a new file there, renamed over) */
        char *copy = strdup(path);
        if (!copy) {
            cli_error(cmd, "out of memory");
            return EXIT_FAIL;
        }
        const char *folder = dirname(copy);
        if (stat(folder, &st) != 0)
            why = errno;
        else if (!S_ISDIR(st.st_mode))
            why = ENOTDIR;
        else if (access(folder, W_OK) != 0)
            why = errno;
        free(copy);
    }
    if (!why)
        return EXIT_OK_;
    cli_error(cmd, "cannot write %s%s'%s': %s", what ? what : "", what ? " " : "", path,
              strerror(why));
    return EXIT_FAIL;
}
