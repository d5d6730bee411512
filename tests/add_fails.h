/* add_fails.h — the source of a library to preload (LD_PRELOAD) that makes
 * the cJSON calls adding a key fail as out of memory, for the tests that
 * check a JSON report is printed whole or not at all (tests/cli/test_files.c,
 * tests/server/test_serve_cli.c). Built by each test with $CC. */
#ifndef MZ_TEST_ADD_FAILS_H
#define MZ_TEST_ADD_FAILS_H

/* A stand-in for the cJSON calls that add a key (and for the arrays the
 * reports add): the MZ_FAIL_AT-th call among them fails as cJSON's own does
 * when an allocation fails (NULL or false, nothing added) and leaves a file
 * "injected" (or the file $MZ_FAIL_MARK names); every other call goes to the real one. */
static const char add_fails_c[] =
    "#define _GNU_SOURCE\n"
    "#include <dlfcn.h>\n"
    "#include <stdio.h>\n"
    "#include <stdlib.h>\n"
    "#include <cjson/cJSON.h>\n"
    "static int fail_now(void)\n"
    "{\n"
    "    static long calls, at = -1;\n"
    "    if (at < 0) { const char *s = getenv(\"MZ_FAIL_AT\"); at = s ? atol(s) : 0; }\n"
    "    if (++calls != at) return 0;\n"
    "    const char *mark = getenv(\"MZ_FAIL_MARK\");\n"
    "    FILE *f = fopen(mark ? mark : \"injected\", \"w\");\n"
    "    if (f) fclose(f);\n"
    "    return 1;\n"
    "}\n"
    "#define REAL(f) static __typeof__(&f) real; if (!real) *(void **)&real = dlsym(RTLD_NEXT, #f)\n"
    "cJSON *cJSON_AddNumberToObject(cJSON *o, const char *k, const double v)\n"
    "{ REAL(cJSON_AddNumberToObject); return fail_now() ? NULL : real(o, k, v); }\n"
    "cJSON *cJSON_AddStringToObject(cJSON *o, const char *k, const char *v)\n"
    "{ REAL(cJSON_AddStringToObject); return fail_now() ? NULL : real(o, k, v); }\n"
    "cJSON *cJSON_AddBoolToObject(cJSON *o, const char *k, const cJSON_bool v)\n"
    "{ REAL(cJSON_AddBoolToObject); return fail_now() ? NULL : real(o, k, v); }\n"
    "cJSON *cJSON_AddObjectToObject(cJSON *o, const char *k)\n"
    "{ REAL(cJSON_AddObjectToObject); return fail_now() ? NULL : real(o, k); }\n"
    "cJSON_bool cJSON_AddItemToObject(cJSON *o, const char *k, cJSON *v)\n"
    "{ REAL(cJSON_AddItemToObject); return fail_now() ? 0 : real(o, k, v); }\n"
    "cJSON *cJSON_CreateDoubleArray(const double *v, int n)\n"
    "{ REAL(cJSON_CreateDoubleArray); return fail_now() ? NULL : real(v, n); }\n";

#endif
