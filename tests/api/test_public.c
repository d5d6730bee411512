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

/* name in the build folder of the CLI under test ($MIZAN_BIN, else
 * build/mizan); malloc'd. */
static char *build_path(const char *name)
{
    const char *bin = getenv("MIZAN_BIN");
    if (!bin)
        bin = "build/mizan";
    const char *slash = strrchr(bin, '/');
    size_t dir = slash ? (size_t)(slash - bin) + 1 : 0;
    char *p = malloc(dir + strlen(name) + 1);
    memcpy(p, bin, dir);
    strcpy(p + dir, name);
    return p;
}

/* Every global symbol libmizan.a defines starts with mz_: a program that
 * links it may have its own html_text_of or normalize. */
static void test_symbols_prefixed(void **state)
{
    (void)state;
    char *lib = build_path("libmizan.a");
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
        /* __ names are the implementation's (a sanitizer's __odr_asan.*),
         * reserved, so no program of its own has them */
        if (strncmp(name, "mz_", 3) != 0 && strncmp(name, "__", 2) != 0 && strlen(bad) + strlen(name) + 2 < sizeof bad) {
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

/* Reads a whole file (the header) into a malloc'd string; NULL if absent. */
static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = malloc(1 << 20);
    size_t n = fread(buf, 1, (1 << 20) - 1, f);
    fclose(f);
    buf[n] = '\0';
    return buf;
}

/* libmizan.so exports exactly what mizan.h declares MZ_API: no internal
 * mz_ function (mz_fail, mz_buf_puts...) a program could come to rely on,
 * nothing without the prefix, and nothing declared missing. */
static void test_shared_exports_only_the_header(void **state)
{
    (void)state;
    char *so = build_path("libmizan.so"), *a = build_path("libmizan.a");
    char *header = slurp("include/mizan.h");
    bool built = access(a, R_OK) == 0;
    free(a);
    if (!header || !built || system("command -v nm >/dev/null 2>&1") != 0) {
        free(so);
        free(header);
        skip();
    }
    if (access(so, R_OK) != 0) /* make builds both */
        fail_msg("%s: missing beside libmizan.a", so);
    /* the declared names: "MZ_API <type> mz_name(" */
    char declared[64][64];
    size_t n_declared = 0;
    for (const char *p = header; (p = strstr(p, "\nMZ_API ")) != NULL; p++) {
        const char *paren = strchr(p, '('), *name = paren;
        assert_non_null(paren);
        while (name > p && (name[-1] == '_' || (name[-1] >= 'a' && name[-1] <= 'z') ||
                            (name[-1] >= '0' && name[-1] <= '9')))
            name--;
        assert_true(strncmp(name, "mz_", 3) == 0);
        assert_true((size_t)(paren - name) < sizeof declared[0] && n_declared < 64);
        memcpy(declared[n_declared], name, (size_t)(paren - name));
        declared[n_declared++][paren - name] = '\0';
    }
    assert_true(n_declared > 25);
    char cmd[4096];
    snprintf(cmd, sizeof cmd, "nm -D --defined-only '%s' 2>/dev/null", so);
    FILE *f = popen(cmd, "r");
    assert_non_null(f);
    char line[1024], bad[2048] = "";
    bool seen[64] = {false};
    while (fgets(line, sizeof line, f)) {
        char addr[64], type[8], name[512];
        if (sscanf(line, "%63s %7s %511s", addr, type, name) != 3 || !strcmp(type, "A"))
            continue; /* the version node MIZAN_0 */
        char *at = strchr(name, '@'); /* mz_check@@MIZAN_0 */
        if (at)
            *at = '\0';
        size_t i = 0;
        while (i < n_declared && strcmp(declared[i], name) != 0)
            i++;
        if (i < n_declared)
            seen[i] = true;
        else if (strlen(bad) + strlen(name) + 2 < sizeof bad) {
            strcat(bad, name);
            strcat(bad, " ");
        }
    }
    assert_int_equal(pclose(f), 0);
    free(so);
    free(header);
    if (bad[0])
        fail_msg("libmizan.so exports symbols mizan.h does not declare: %s", bad);
    for (size_t i = 0; i < n_declared; i++)
        if (!seen[i])
            fail_msg("libmizan.so does not export %s", declared[i]);
}

/* The version: the header's numbers and string agree, the library linked
 * says the same, and so does `mizan --version` (the CLI's is the library's). */
static void test_version(void **state)
{
    (void)state;
    char want[64];
    snprintf(want, sizeof want, "%d.%d.%d", MZ_VERSION_MAJOR, MZ_VERSION_MINOR, MZ_VERSION_PATCH);
    assert_string_equal(MZ_VERSION_STRING, want);
    assert_string_equal(MZ_VERSION, MZ_VERSION_STRING);
    assert_string_equal(mz_version(), MZ_VERSION_STRING);
    const char *bin = getenv("MIZAN_BIN");
    if (!bin)
        bin = "build/mizan";
    if (access(bin, X_OK) != 0)
        skip();
    char cmd[4096], out[256];
    snprintf(cmd, sizeof cmd, "'%s' --version", bin);
    FILE *f = popen(cmd, "r");
    assert_non_null(f);
    size_t n = fread(out, 1, sizeof out - 1, f);
    out[n] = '\0';
    assert_int_equal(pclose(f), 0);
    snprintf(want, sizeof want, "mizan %s\n", mz_version());
    assert_string_equal(out, want);
}

/* A library caller has no command-line flags: the library's messages name
 * none ("--db", "--max-bytes") and no command ("mizan ingest"); the CLI adds
 * that advice itself (tests/store/test_cli_store.c checks it does). */
static void assert_no_cli_advice(const char *msg)
{
    if (strstr(msg, "--") || strstr(msg, "mizan ingest") || strstr(msg, "make model"))
        fail_msg("CLI advice in a library message: %s", msg);
}

static void test_messages_give_no_cli_advice(void **state)
{
    (void)state;
    mz_db *db;
    mz_error err;
    assert_int_equal(mz_db_open("", 0, &db, &err), MZ_ERR_ARG);
    assert_string_equal(err.msg, "the database path is empty");
    char dir[] = "/tmp/mizan-api-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[256], cmd[512];
    snprintf(path, sizeof path, "%s/missing.db", dir);
    assert_int_equal(mz_db_open(path, MZ_OPEN_NOCREATE, &db, &err), MZ_ERR_NOT_FOUND);
    assert_non_null(strstr(err.msg, "missing.db: no such database"));
    assert_no_cli_advice(err.msg);
    snprintf(path, sizeof path, "%s/empty.db", dir);
    fclose(fopen(path, "w"));
    assert_int_equal(mz_db_open(path, MZ_OPEN_READONLY, &db, &err), MZ_ERR_DB_CORRUPT);
    assert_non_null(strstr(err.msg, "empty.db: empty file, not a mizan database"));
    assert_no_cli_advice(err.msg);
    /* stdin over the ingest limit */
    snprintf(path, sizeof path, "%s/big.txt", dir);
    FILE *f = fopen(path, "w");
    for (int i = 0; i < 100; i++)
        fputs("خبر طويل عن المدينة\n", f);
    fclose(f);
    assert_int_equal(mz_db_open(":memory:", 0, &db, &err), MZ_OK);
    int saved = dup(0), fd = open(path, O_RDONLY);
    assert_true(fd >= 0);
    assert_int_equal(dup2(fd, 0), 0);
    close(fd);
    const char *paths[] = {"-"};
    mz_ingest_options opt = {.max_bytes = 64};
    mz_status st = mz_ingest_paths(db, paths, 1, &opt, NULL, &err);
    dup2(saved, 0);
    close(saved);
    clearerr(stdin);
    mz_db_close(db);
    assert_int_equal(st, MZ_ERR_TOO_LARGE);
    assert_string_equal(err.msg, "stdin: over the limit of 64 bytes");
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

/* mz_stance_predict refuses a claim over MZ_CLAIM_MAX_CHARS code points, as
 * mz_check does, with the same message; one at the limit is read. */
static void test_stance_claim_limit(void **state)
{
    (void)state;
    mz_model *m;
    mz_error err;
    if (mz_model_load("models/stance.model", &m, &err) != MZ_OK)
        skip();
    assert_int_equal(MZ_CLAIM_MAX_CHARS, 2000);
    char *claim = malloc(2 * (MZ_CLAIM_MAX_CHARS + 1) + 1);
    for (int i = 0; i < MZ_CLAIM_MAX_CHARS + 1; i++)
        memcpy(claim + 2 * i, i % 5 == 4 ? "\xd8\xa7" : "\xd8\xa8", 2); /* ب ا */
    claim[2 * (MZ_CLAIM_MAX_CHARS + 1)] = '\0';
    const char *article = "أفرج لواء الوادي عن 40 أسيرا.";
    mz_stance_result r;
    memset(&r, 0x55, sizeof r);
    assert_int_equal(mz_stance_predict(m, claim, NULL, article, strlen(article), &r, &err),
                     MZ_ERR_ARG);
    assert_string_equal(err.msg, "the claim is 2001 characters long; the limit is 2000 "
                                 "(give one claim, not an article)");
    assert_int_equal(r.n_evidence, 0); /* outputs zeroed */
    assert_false(r.has_denial);
    mz_db *db;
    mz_check_result *cr;
    assert_int_equal(mz_db_open(":memory:", 0, &db, &err), MZ_OK);
    mz_error cerr;
    assert_int_equal(mz_check(db, m, claim, NULL, &cr, &cerr), MZ_ERR_ARG);
    assert_string_equal(cerr.msg, err.msg);
    mz_db_close(db);
    claim[2 * MZ_CLAIM_MAX_CHARS] = '\0'; /* 2000: at the limit */
    assert_int_equal(mz_stance_predict(m, claim, NULL, article, strlen(article), &r, &err), MZ_OK);
    free(claim);
    mz_model_free(m);
}

/* MZ_OPEN_UPGRADE asks a read-only open to upgrade an older store first; a
 * writable open upgrades by itself, so UPGRADE without READONLY, which a
 * caller may take for a read-only open, is refused, and nothing is created. */
static void test_upgrade_needs_readonly(void **state)
{
    (void)state;
    mz_db *db = (mz_db *)1;
    mz_error err;
    char dir[] = "/tmp/mizan-api-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[256];
    snprintf(path, sizeof path, "%s/new.db", dir);
    assert_int_equal(mz_db_open(path, MZ_OPEN_UPGRADE, &db, &err), MZ_ERR_ARG);
    assert_null(db);
    assert_non_null(strstr(err.msg, "MZ_OPEN_UPGRADE goes with MZ_OPEN_READONLY"));
    assert_int_equal(access(path, F_OK), -1); /* not created */
    assert_int_equal(mz_db_open(path, MZ_OPEN_NOCREATE | MZ_OPEN_UPGRADE, &db, &err), MZ_ERR_ARG);
    assert_int_equal(mz_db_open(path, MZ_OPEN_READONLY | MZ_OPEN_UPGRADE, &db, &err),
                     MZ_ERR_NOT_FOUND);
    assert_int_equal(mz_db_open(path, 0, &db, &err), MZ_OK);
    mz_db_close(db);
    assert_int_equal(mz_db_open(path, MZ_OPEN_READONLY | MZ_OPEN_UPGRADE, &db, &err), MZ_OK);
    mz_db_close(db);
    char cmd[512];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

/* A call that fails leaves its outputs zeroed, so freeing them is safe. */
static void test_failure_zeroes_outputs(void **state)
{
    (void)state;
    mz_error err;
    char *out = (char *)1;
    size_t out_len = 7, *offsets = (size_t *)1;
    assert_int_equal(mz_normalize(NULL, 3, &out, &out_len, &offsets, &err), MZ_ERR_ARG);
    assert_null(out);
    assert_int_equal(out_len, 0);
    assert_null(offsets);
    out = (char *)1;
    assert_int_equal(mz_normalize("نص", 4, &out, NULL, NULL, &err), MZ_ERR_ARG);
    assert_null(out);
    out_len = 7;
    assert_int_equal(mz_normalize("نص", 4, NULL, &out_len, NULL, &err), MZ_ERR_ARG);
    assert_int_equal(out_len, 0);
}

/* mz_article_versions_get: a corrected re-scrape at the same URL (the
 * "www." and the scheme aside) supersedes the text it corrects; an
 * article at another URL has no versions; an id not stored is
 * MZ_ERR_NOT_FOUND with out zeroed. */
static void test_article_versions(void **state)
{
    (void)state;
    static const char story[] =
        "رفعت وزارة الصناعة سعر ربطة الخبز المدعوم في العاصمة إلى %s قرشا اعتبارا من صباح "
        "الأحد، وقالت في بيان إن الزيادة تأتي بعد ارتفاع أسعار القمح المستورد وكلفة النقل "
        "والطاقة خلال الأشهر الثلاثة الماضية، وإن الدعم سيستمر للأسر المسجلة في برنامج "
        "المعونة الوطنية، فيما انتقد نواب في البرلمان القرار ودعوا الحكومة إلى مراجعته "
        "قبل بدء شهر رمضان وتخفيف أثره على العائلات محدودة الدخل في المحافظات كافة.";
    char old_text[2048], new_text[2048], other_text[2048];
    snprintf(old_text, sizeof old_text, story, "35");
    snprintf(new_text, sizeof new_text, story, "25");
    snprintf(other_text, sizeof other_text, story, "45");
    mz_db *db;
    mz_error err;
    assert_int_equal(mz_db_open(":memory:", 0, &db, &err), MZ_OK);
    mz_article_input old_in = {.text = old_text, .text_len = strlen(old_text),
                               .url = "http://www.alghad.example/local/bread",
                               .published = "2018-03-04"};
    mz_article_input new_in = {.text = new_text, .text_len = strlen(new_text),
                               .url = "https://alghad.example/local/bread",
                               .published = "2018-03-05"};
    mz_article_input other_in = {.text = other_text, .text_len = strlen(other_text),
                                 .url = "https://alghad.example/local/other",
                                 .published = "2018-03-05"};
    int64_t old_id, new_id, other_id;
    assert_int_equal(mz_article_add(db, &old_in, &old_id, &err), MZ_OK);
    assert_int_equal(mz_article_add(db, &new_in, &new_id, &err), MZ_OK);
    assert_int_equal(mz_article_add(db, &other_in, &other_id, &err), MZ_OK);
    mz_article_versions v;
    assert_int_equal(mz_article_versions_get(db, old_id, &v, &err), MZ_OK);
    assert_int_equal(v.superseded_by, new_id);
    assert_int_equal(v.n_corrects, 0);
    mz_article_versions_clear(&v);
    assert_int_equal(mz_article_versions_get(db, new_id, &v, &err), MZ_OK);
    assert_int_equal(v.superseded_by, 0);
    assert_int_equal(v.n_corrects, 1);
    assert_int_equal(v.corrects[0], old_id);
    mz_article_versions_clear(&v);
    assert_int_equal(mz_article_versions_get(db, other_id, &v, &err), MZ_OK);
    assert_int_equal(v.superseded_by, 0);
    assert_int_equal(v.n_corrects, 0);
    assert_null(v.corrects);
    v.superseded_by = 9;
    assert_int_equal(mz_article_versions_get(db, other_id + 100, &v, &err), MZ_ERR_NOT_FOUND);
    assert_int_equal(v.superseded_by, 0);
    assert_int_equal(mz_article_versions_get(NULL, old_id, &v, &err), MZ_ERR_ARG);
    assert_int_equal(mz_article_versions_get(db, old_id, NULL, &err), MZ_ERR_ARG);
    mz_article_versions_clear(NULL);
    mz_db_close(db);
}

/* mz_error.msg is UTF-8 even when it names a file whose name is not: a
 * program may put it in JSON or on a terminal as it is. */
static void test_error_message_is_utf8(void **state)
{
    (void)state;
    mz_db *db;
    mz_error err;
    assert_int_equal(mz_db_open(":memory:", 0, &db, &err), MZ_OK);
    const char *paths[] = {"/nonexistent-mizan/\xff\xfe" "خبر.txt"};
    assert_int_equal(mz_ingest_paths(db, paths, 1, NULL, NULL, &err), MZ_ERR_NOT_FOUND);
    assert_int_equal(err.code, MZ_ERR_NOT_FOUND);
    assert_int_equal(mz_utf8_check(err.msg, strlen(err.msg), NULL), MZ_OK);
    /* the name can still be told: the bad bytes are written \xNN */
    assert_non_null(strstr(err.msg, "/nonexistent-mizan/\\xff\\xfe" "خبر.txt"));
    /* a long name cut at the end of the message: still whole characters */
    char name[2000] = "/nonexistent-mizan/";
    for (size_t i = strlen(name); i + 3 < sizeof name; i += 3)
        memcpy(name + i, "\xff" "ب", 3);
    paths[0] = name;
    assert_int_equal(mz_ingest_paths(db, paths, 1, NULL, NULL, &err), MZ_ERR_NOT_FOUND);
    assert_int_equal(mz_utf8_check(err.msg, strlen(err.msg), NULL), MZ_OK);
    assert_true(strlen(err.msg) > 400);
    mz_db_close(db);
}

/* "-" is a file name to mz_model_load, not standard input (only
 * mz_ingest_paths reads stdin): a server configured with "-" must not
 * wait on, or swallow, its stdin. An empty path is a bad argument. */
static void test_model_path_dash_and_empty(void **state)
{
    (void)state;
    mz_model *m = (mz_model *)1;
    mz_error err;
    int saved = dup(0);
    int fd = open("models/stance.model", O_RDONLY);
    if (fd < 0) {
        close(saved);
        skip();
    }
    assert_int_equal(dup2(fd, 0), 0); /* a model on stdin must not be read */
    close(fd);
    mz_status st = mz_model_load("-", &m, &err);
    dup2(saved, 0);
    close(saved);
    mz_model_free(m);
    assert_int_equal(st, MZ_ERR_MODEL);
    assert_null(m);
    assert_non_null(strstr(err.msg, "-: no such stance model file"));
    m = (mz_model *)1;
    assert_int_equal(mz_model_load("", &m, &err), MZ_ERR_ARG);
    assert_null(m);
    assert_string_equal(err.msg, "the model path is empty");
}

/* Flags and options outside the header's enums are refused, not ignored:
 * a program built against a later header must not get a store opened
 * read-write when it asked for something this library does not know. */
static void test_unknown_flags_refused(void **state)
{
    (void)state;
    mz_db *db = (mz_db *)1;
    mz_error err;
    assert_int_equal(mz_db_open(":memory:", 1 << 8, &db, &err), MZ_ERR_ARG);
    assert_null(db);
    assert_non_null(strstr(err.msg, "0x100"));
    assert_int_equal(mz_db_open(NULL, 0, &db, &err), MZ_ERR_ARG);
    assert_string_equal(err.msg, "no database path");
    assert_int_equal(mz_db_open(":memory:", MZ_OPEN_NOCREATE, &db, &err), MZ_OK);
    mz_ingest_options opt = {.on_error = (mz_on_error)7};
    mz_ingest_report rep;
    assert_int_equal(mz_ingest_paths(db, NULL, 0, &opt, &rep, &err), MZ_ERR_ARG);
    assert_non_null(strstr(err.msg, "on_error"));
    mz_db_close(db);
}

/* examples/check.c, built by make from include/ alone: ingests the bundled
 * sample into a new store and checks the sample's claim (its README). */
static void test_example_check(void **state)
{
    (void)state;
    char *prog = build_path("examples/check");
    if (access(prog, X_OK) != 0 || access("models/stance.model", R_OK) != 0 ||
        access("sample/articles.jsonl", R_OK) != 0) {
        free(prog);
        skip();
    }
    char dir[] = "/tmp/mizan-api-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char cmd[4096], out[8192];
    snprintf(cmd, sizeof cmd,
             "'%s' '%s/s.db' 'أفرج لواء الوادي عن 40 أسيرا من القوات الحكومية في صفقة تبادل "
             "في تل السنابل' sample/articles.jsonl 2>&1; echo \"exit $?\"",
             prog, dir);
    FILE *f = popen(cmd, "r");
    assert_non_null(f);
    size_t n = fread(out, 1, sizeof out - 1, f);
    out[n] = '\0';
    pclose(f);
    assert_non_null(strstr(out, "added 8, skipped 0 (duplicates)\n"));
    assert_non_null(strstr(out, "\ndisputed ("));
    assert_non_null(strstr(out, "wadi-media.example"));
    assert_non_null(strstr(out, "bytes of JSON\nexit 0\n"));
    /* a failure is told with its status name, exit 1 */
    snprintf(cmd, sizeof cmd, "'%s' '%s/s.db' '' 2>&1; echo \"exit $?\"", prog, dir);
    f = popen(cmd, "r");
    assert_non_null(f);
    n = fread(out, 1, sizeof out - 1, f);
    out[n] = '\0';
    pclose(f);
    assert_string_equal(out, "check: bad_argument: the claim is empty\nexit 1\n");
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
    free(prog);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_symbols_prefixed),
        cmocka_unit_test(test_shared_exports_only_the_header),
        cmocka_unit_test(test_version),
        cmocka_unit_test(test_messages_give_no_cli_advice),
        cmocka_unit_test(test_stance_claim_limit),
        cmocka_unit_test(test_upgrade_needs_readonly),
        cmocka_unit_test(test_failure_zeroes_outputs),
        cmocka_unit_test(test_article_versions),
        cmocka_unit_test(test_error_message_is_utf8),
        cmocka_unit_test(test_model_path_dash_and_empty),
        cmocka_unit_test(test_unknown_flags_refused),
        cmocka_unit_test(test_example_check),
    };
    return cmocka_run_group_tests_name("api/public", tests, NULL, NULL);
}
