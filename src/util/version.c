/* version.c — mz_version: the version of the library as built, which a
 * program linked against libmizan.so may find newer than its header's. */
#include "mizan.h"

const char *mz_version(void)
{
    return MZ_VERSION_STRING;
}
