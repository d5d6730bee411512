/* test_public.c — the library as a program embedding it sees it: only
 * <mizan.h> is included, and every check is a promise the header makes
 * (outputs zeroed on failure, messages in UTF-8, results outliving their
 * handles) or one an embedder relies on without reading it (no global
 * symbol outside the mz_ prefix to clash with the program's own). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <mizan.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The archive beside the CLI under test ($MIZAN_BIN, else build/mizan). */
static char *archive_path(void)
{
    const char *bin = getenv("MIZAN_BIN");
    if (!bin)
        bin = "build/mizan";
    const char *slash = strrchr(bin, '/');
    size_t dir = slash ? (size_t)(slash - bin) + 1 : 0;
    char *p = malloc(dir + sizeof "libmizan.a");
    memcpy(p, bin, dir);
    memcpy(p + dir, "libmizan.a", sizeof "libmizan.a");
    return p;
}

/* Every global symbol libmizan.a defines starts with mz_: a program that
 * links it may have its own html_text_of or normalize. */
static void test_symbols_prefixed(void **state)
{
    (void)state;
    char *lib = archive_path();
    if (access(lib, R_OK) != 0 || system("command -v nm >/dev/null 2>&1") != 0) {
        free(lib);
        skip();
    }
    char cmd[4096];
    snprintf(cmd, sizeof cmd, "nm -g --defined-only '%s' 2>/dev/null", lib);
    FILE *f = popen(cmd, "r");
    assert_non_null(f);
    char line[1024], bad[2048] = "";
    size_t n_symbols = 0;
    while (fgets(line, sizeof line, f)) {
        char addr[64], type[8], name[512];
        if (sscanf(line, "%63s %7s %511s", addr, type, name) != 3)
            continue; /* "member.o:" headers and blank lines */
        n_symbols++;
        if (strncmp(name, "mz_", 3) != 0 && strlen(bad) + strlen(name) + 2 < sizeof bad) {
            strcat(bad, name);
            strcat(bad, " ");
        }
    }
    assert_int_equal(pclose(f), 0);
    free(lib);
    assert_true(n_symbols > 30);
    if (bad[0])
        fail_msg("global symbols without the mz_ prefix: %s", bad);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_symbols_prefixed),
    };
    return cmocka_run_group_tests_name("api/public", tests, NULL, NULL);
}
