/* test_cli_store.c — `mizan ingest/search/show/stats` as a user runs them:
 * output, exit codes (README), and the database left intact on errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <cjson/cJSON.h>
#include <sqlite3.h>
#include <sys/wait.h>

#include "util/util.h"
#include "store_helpers.h"
#include "../shell_output.h"

static char *bin, *dir, *db;
static const char *as_user = ""; /* a command prefix that runs mizan as someone else */
static const char *feed = "";    /* a shell pipeline into mizan's stdin ("yes | ") */

/* Runs "mizan ARGS" with stdout and stderr into *out; returns the exit code. */
static int run(char **out, const char *fmt, ...)
{
    char prefix[1024];
    snprintf(prefix, sizeof prefix, "%s%s%s", feed, as_user, bin);
    va_list ap;
    va_start(ap, fmt);
    int rc = shell_outputv(out, prefix, fmt, ap);
    va_end(ap);
    return rc;
}

static int setup(void **state)
{
    (void)state;
    const char *b = getenv("MIZAN_BIN");
    bin = strdup(b ? b : "build/mizan");
    dir = tmpdir_new();
    db = path_join(dir, "cli.db");
    return access(bin, X_OK) == 0 ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    rm_rf(dir);
    free(dir);
    free(db);
    free(bin);
    return 0;
}

static void test_ingest_search_show_stats(void **state)
{
    (void)state;
    char *a = write_file(dir, "a.txt", ART_TALKS);
    char *b = write_file(dir, "b.txt", ART_DIALOGUE);
    char *out;
    assert_int_equal(run(&out, "ingest --db %s %s %s", db, a, b), 0);
    assert_string_equal(out, "added 2, skipped 0 (duplicates), failed 0\n");
    free(out);
    assert_int_equal(run(&out, "ingest --db %s --json %s", db, a), 0);
    assert_non_null(strstr(out, "\"skipped\":\t1"));
    free(out);
    /* not a tty: plain brackets around the words as written */
    assert_int_equal(run(&out, "search --db %s -k 5 المفاوضات", db), 0);
    assert_non_null(strstr(out, "[مفاوضات]"));
    assert_non_null(strstr(out, "[والمفاوضات]"));
    free(out);
    assert_int_equal(run(&out, "search --db %s --json 'جولة جديدة'", db), 0);
    assert_non_null(strstr(out, "\"hits\""));
    assert_non_null(strstr(out, "جولة جديدة من مفاوضات السلام"));
    free(out);
    assert_int_equal(run(&out, "show --db %s 2", db), 0);
    assert_non_null(strstr(out, "الأمم المتحدة ترحب بالحوار"));
    free(out);
    assert_int_equal(run(&out, "show --db %s --json 1", db), 0);
    assert_non_null(strstr(out, "\"body\""));
    free(out);
    assert_int_equal(run(&out, "stats --db %s --json", db), 0);
    assert_non_null(strstr(out, "\"articles\":\t2"));
    free(out);
    /* stdin, and MIZAN_DB instead of --db */
    char cmd[2048];
    snprintf(cmd, sizeof cmd, "printf '%%s' '%s' | MIZAN_DB=%s %s ingest - >/dev/null", ART_WEATHER, db, bin);
    assert_int_equal(system(cmd), 0);
    assert_int_equal(run(&out, "stats --db %s", db), 0);
    assert_non_null(strstr(out, "articles:       3"));
    assert_non_null(strstr(out, "\nsites:          ")); /* sites, as list --source reads them */
    free(out);
    free(a);
    free(b);
}

static void test_exit_codes(void **state)
{
    (void)state;
    char *out;
    char *db = path_join(dir, "codes.db"); /* a store of its own */
    char *good = write_file(dir, "good.txt", ART_KILLED);
    char *bad = write_file(dir, "bad.txt", "خبر \xd8 تالف");
    assert_int_equal(run(NULL, "ingest --db %s %s", db, good), 0);
    assert_int_equal(run(NULL, "ingest --db %s --frobnicate %s", db, good), 2);
    assert_int_equal(run(NULL, "ingest --db %s --on-error maybe %s", db, good), 2);
    assert_int_equal(run(NULL, "ingest --db %s --max-bytes -5 %s", db, good), 2);
    assert_int_equal(run(NULL, "ingest --db %s", db), 2);
    assert_int_equal(run(NULL, "search --db %s", db), 2);
    assert_int_equal(run(NULL, "search --db %s -k 0 x", db), 2);
    assert_int_equal(run(NULL, "show --db %s abc", db), 2);
    /* --db "" is refused, not taken for ./mizan.db */
    assert_int_equal(run(&out, "ingest --db '' %s", good), 2);
    assert_non_null(strstr(out, "database path is empty (--db \"\")"));
    free(out);
    assert_int_equal(run(NULL, "search --db '' x"), 2);
    assert_int_equal(run(NULL, "stats --db ''"), 2);
    /* invalid UTF-8: file and offset, non-zero, nothing lost */
    assert_int_equal(run(&out, "ingest --db %s %s %s", db, good, bad), 3);
    assert_non_null(strstr(out, "bad.txt: invalid UTF-8 at byte offset 7"));
    free(out);
    /* a Windows-1256 file (legacy Arabic archives): the message says how to convert it */
    char *legacy = write_file(dir, "legacy.txt",
                              "\xc3\xdd\xd1\xcc \xe1\xe6\xc7\xc1 \xc7\xe1\xe6\xc7\xcf\xed \xda\xe4 40 "
                              "\xc3\xd3\xed\xd1\xc7\n");
    assert_int_equal(run(&out, "ingest --db %s %s", db, legacy), 3);
    assert_non_null(strstr(out, "legacy.txt: invalid UTF-8 at byte offset 0; it looks like "
                                "Windows-1256 (legacy Arabic) text: convert it with "
                                "`iconv -f WINDOWS-1256 -t UTF-8`"));
    free(out);
    free(legacy);
    assert_int_equal(run(&out, "ingest --db %s --on-error skip %s %s", db, bad, good), 3);
    assert_non_null(strstr(out, "added 0, skipped 1 (duplicates), failed 1"));
    free(out);
    assert_int_equal(run(&out, "ingest --db %s --max-bytes 50 %s", db, good), 3);
    assert_non_null(strstr(out, "over the limit of 50 bytes (see --max-bytes)\n"));
    free(out);
    assert_int_equal(run(NULL, "ingest --db %s %s/nope.txt", db, dir), 5);
    assert_int_equal(run(NULL, "show --db %s 999", db), 5);
    /* missing and corrupt databases */
    assert_int_equal(run(&out, "search --db %s/missing.db x", dir), 4);
    assert_non_null(strstr(out, "missing.db: no such database (create it with 'mizan ingest')"));
    free(out);
    char *junk = write_file(dir, "junk.db", "this is not a database, just some text that is long enough........................................................");
    assert_int_equal(run(NULL, "stats --db %s", junk), 4);
    assert_int_equal(run(NULL, "ingest --db %s %s", junk, good), 4);
    assert_int_equal(run(NULL, "ingest --db %s/no/such/dir/x.db %s", dir, good), 4);
    /* an empty file: reading commands refuse it and leave it empty */
    char *empty = path_join(dir, "empty.db");
    write_bytes(empty, "", 0);
    assert_int_equal(run(&out, "stats --db %s", empty), 4);
    assert_non_null(strstr(out, "empty file, not a mizan database (create one with 'mizan ingest')"));
    free(out);
    assert_int_equal(run(NULL, "search --db %s x", empty), 4);
    struct stat st;
    assert_int_equal(stat(empty, &st), 0);
    assert_int_equal(st.st_size, 0);
    free(empty);
    assert_int_equal(run(&out, "stats --db %s", db), 0);
    assert_non_null(strstr(out, "articles:       1"));
    free(out);
    free(junk);
    free(bad);
    free(good);
    free(db);
}

/* A store that cannot grow (a full disk; here a file-size limit, which
 * SQLite sees as an I/O error) aborts even with --on-error skip: the error
 * is told once, everything is rolled back, and the store is unchanged. */
static void test_store_cannot_grow(void **state)
{
    (void)state;
    char *gdb = path_join(dir, "grow.db");
    char *one = write_file(dir, "g0.txt", ART_SCHOOL);
    assert_int_equal(run(NULL, "ingest --db %s %s", gdb, one), 0);
    free(one);
    /* 2.5 MB, more than SQLite's page cache holds, so pages are written
     * while items are being added, not only at the commit. */
    mz_buf jl = {0};
    for (int i = 0; i < 500; i++) {
        char line[256];
        mz_buf_append(&jl, "{\"text\": \"", 10);
        for (int s = 0; s < 40; s++) {
            int n = snprintf(line, sizeof line, "قال مصدر محلي إن عدد المشاركين في السوق "
                             "رقم %d بلغ %d شخصا في الجولة %d. ", i, i * 37 + s, s);
            mz_buf_append(&jl, line, (size_t)n);
        }
        mz_buf_append(&jl, "\"}\n", 3);
    }
    char *many = path_join(dir, "many.jsonl");
    FILE *f = fopen(many, "w");
    fwrite(jl.p, 1, jl.len, f);
    fclose(f);
    mz_buf_free(&jl);
    char *out;
    feed = "trap '' XFSZ; ulimit -f 64; "; /* 32 KB: the store and its log cannot grow */
    assert_int_equal(run(&out, "ingest --db %s --on-error skip %s", gdb, many), 4);
    feed = "";
    const char *first = strstr(out, "I/O error");
    assert_non_null(first);
    assert_null(strstr(first + 1, "I/O error")); /* told once */
    assert_non_null(strstr(out, "rolled back, the database is unchanged"));
    free(out);
    assert_int_equal(run(&out, "stats --db %s --json", gdb), 0);
    assert_non_null(strstr(out, "\"articles\":\t1"));
    free(out);
    free(many);
    free(gdb);
}

static void test_locked_database(void **state)
{
    (void)state;
    char *good = write_file(dir, "lock.txt", ART_SCHOOL);
    assert_int_equal(run(NULL, "stats --db %s", db), 0);
    sqlite3 *other;
    assert_int_equal(sqlite3_open(db, &other), SQLITE_OK);
    assert_int_equal(sqlite3_exec(other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), SQLITE_OK);
    char *out;
    feed = "MIZAN_BUSY_TIMEOUT=0.5 "; /* the CLI waits 60 s by default */
    assert_int_equal(run(&out, "ingest --db %s %s", db, good), 4);
    feed = "";
    assert_non_null(strstr(out, "locked by another writer (waited 0.5 s)"));
    free(out);
    sqlite3_exec(other, "ROLLBACK", NULL, NULL, NULL);
    sqlite3_close(other);
    assert_int_equal(run(NULL, "ingest --db %s %s", db, good), 0);
    free(good);
}

/* `mizan ingest -` waiting for its input (a journalist pasting a story, a
 * slow feed piped in) took the store's write lock before reading a byte:
 * meanwhile every other ingest, delete and the server's POSTs failed with
 * 'database is locked' after 2 s. The lock is taken when the first article
 * is ready to store. */
static void test_waiting_input_holds_no_lock(void **state)
{
    (void)state;
    char *wdb = path_join(dir, "wait.db");
    char *first = write_file(dir, "w1.txt", ART_TALKS);
    char *late = write_file(dir, "w2.txt", ART_SCHOOL);
    char *other = write_file(dir, "w3.txt", ART_WEATHER);
    char *rc = path_join(dir, "wait.rc");
    assert_int_equal(run(NULL, "ingest --db %s %s", wdb, first), 0);
    char cmd[8192];
    snprintf(cmd, sizeof cmd, "{ (sleep 3; cat '%s') | %s ingest --db '%s' - >/dev/null 2>&1; echo $? > '%s.tmp'; mv '%s.tmp' '%s'; } &",
             late, bin, wdb, rc, rc, rc);
    assert_int_equal(system(cmd), 0);
    usleep(300 * 1000); /* it has opened the store and waits on its pipe */
    char *out;
    assert_int_equal(run(&out, "ingest --db %s %s", wdb, other), 0);
    assert_non_null(strstr(out, "added 1"));
    free(out);
    assert_int_equal(run(&out, "delete --db %s 1", wdb), 0);
    free(out);
    for (int i = 0; i < 200 && access(rc, F_OK) != 0; i++)
        usleep(50 * 1000);
    char *code;
    size_t len;
    mz_error err;
    assert_int_equal(mz_read_file(rc, 16, &code, &len, &err), MZ_OK);
    assert_string_equal(code, "0\n"); /* the piped one went through too */
    free(code);
    assert_int_equal(run(&out, "stats --db %s", wdb), 0);
    assert_non_null(strstr(out, "articles:       2"));
    free(out);
    free(rc);
    free(other);
    free(late);
    free(first);
    free(wdb);
}

/* stdin: JSONL streamed with true line numbers; plain text read only up to
 * the limit, so an endless pipe is refused instead of filling memory. */
static void test_stdin(void **state)
{
    (void)state;
    char *sdb = path_join(dir, "stdin.db");
    char *out;
    feed = "printf '\\n\\n{\"text\": \"خبر من المدخل\"}\\n{\"text\": 5}\\n' | ";
    assert_int_equal(run(&out, "ingest --db %s -", sdb), 3);
    assert_non_null(strstr(out, "stdin: line 4: field \"text\" must be a string"));
    free(out);
    feed = "yes 'سطر لا ينتهي' | ";
    assert_int_equal(run(&out, "ingest --db %s --max-bytes 64K -", sdb), 3);
    /* the CLI names the flag (the library's message does not: tests/api) */
    assert_non_null(strstr(out, "stdin: over the limit of 65536 bytes (see --max-bytes)"));
    free(out);
    feed = "printf '\\n\\nعنوان\\nنص \\330 تالف' | ";
    assert_int_equal(run(&out, "ingest --db %s -", sdb), 3);
    assert_non_null(strstr(out, "stdin: invalid UTF-8 at byte offset 18"));
    free(out);
    /* a byte order mark before JSONL: still JSONL; bytes that only begin
     * one are text (and not UTF-8) */
    feed = "printf '\\357\\273\\277{\"text\": \"مقال أول عن الاجتماع\"}\\n{\"text\": \"مقال ثان عن الزيارة\"}\\n' | ";
    assert_int_equal(run(&out, "ingest --db %s -", sdb), 0);
    assert_non_null(strstr(out, "added 2"));
    free(out);
    feed = "printf '\\357\\273{\"text\": \"نص\"}' | ";
    assert_int_equal(run(&out, "ingest --db %s -", sdb), 3);
    assert_non_null(strstr(out, "invalid UTF-8 at byte offset 0"));
    free(out);
    /* a web page piped in: its story and <title>, not its markup */
    feed = "printf '<!DOCTYPE html><html><head><title>افتتاح جسر</title></head><body><nav>الرئيسية"
           "</nav><p>افتتحت البلدية جسرا جديدا.</p></body></html>' | ";
    assert_int_equal(run(&out, "ingest --db %s -", sdb), 0);
    assert_non_null(strstr(out, "added 1"));
    free(out);
    feed = "";
    assert_int_equal(run(&out, "show --db %s 3", sdb), 0);
    assert_non_null(strstr(out, "#3  افتتاح جسر\n"));
    assert_non_null(strstr(out, "\nافتتحت البلدية جسرا جديدا."));
    assert_null(strstr(out, "<p>"));
    assert_null(strstr(out, "الرئيسية"));
    free(out);
    /* a JSON array (curl from an API, jq) is its articles, not one text;
     * a story that opens with a bracket is still a story */
    feed = "printf '  [{\"text\": \"أعلنت الوزارة افتتاح المدرسة\", \"title\": \"مدرسة\"},\n"
           "   {\"content\": \"وصل الوفد إلى العاصمة\", \"date\": 1508056200}]\n' | ";
    assert_int_equal(run(&out, "ingest --db %s -", sdb), 0);
    assert_non_null(strstr(out, "added 2"));
    free(out);
    feed = "printf '[تحديث] وصلت المساعدات إلى المدينة' | ";
    assert_int_equal(run(&out, "ingest --db %s -", sdb), 0);
    free(out);
    feed = "printf '[{\"text\": \"خبر\"' | ";
    assert_int_equal(run(&out, "ingest --db %s -", sdb), 3);
    assert_non_null(strstr(out, "stdin: malformed JSON on line 1"));
    free(out);
    feed = "";
    assert_int_equal(run(&out, "export --db %s", sdb), 0);
    assert_non_null(strstr(out, "\"title\":\"مدرسة\",\"source\":null,\"url\":null,"
                                "\"published\":null,\"origin\":\"stdin#1\""));
    assert_non_null(strstr(out, "\"published\":\"2017-10-15T08:30:00Z\",\"origin\":\"stdin#2\","
                                "\"author\":null,\"text\":\"وصل الوفد إلى العاصمة\"}"));
    assert_non_null(strstr(out, "\"title\":\"[تحديث] وصلت المساعدات إلى المدينة\""));
    assert_null(strstr(out, "{\\\"text"));
    free(out);
    free(sdb);
}

/* stdin holding one JSON document printed over several lines (`jq .`,
 * curl of an API): read as a .json file is, where it was refused line by
 * line with a `jq -c` hint; JSONL still streams; what is no one document
 * (objects printed one after another, a broken first line) is JSONL as
 * before. */
static void test_stdin_pretty_json(void **state)
{
    (void)state;
    char *sdb = path_join(dir, "pretty.db");
    char *out;
    feed = "printf '{\n  \"title\": \"افتتاح جسر\",\n  \"text\": \"افتتحت البلدية جسرا جديدا "
           "فوق النهر.\"\n}\n' | ";
    assert_int_equal(run(&out, "ingest --db %s -", sdb), 0);
    assert_non_null(strstr(out, "added 1"));
    free(out);
    /* an API's answer, its first line not a whole value */
    feed = "printf '{\"status\": \"ok\",\n \"articles\": [{\"content\": \"وصلت قافلة "
           "المساعدات إلى المدينة\"},\n  {\"content\": \"أعلنت الوزارة افتتاح المدرسة\"}]}\n' | ";
    assert_int_equal(run(&out, "ingest --db %s -", sdb), 0);
    assert_non_null(strstr(out, "added 2"));
    free(out);
    /* a broken document is one error, with its line, as a .json file's */
    feed = "printf '{\n \"text\": \"نص مكسور\"\n,,}\n' | ";
    assert_int_equal(run(&out, "ingest --db %s -", sdb), 3);
    assert_non_null(strstr(out, "stdin: malformed JSON on line 3"));
    free(out);
    /* objects one after another: JSONL's errors and hint, as a .json file */
    feed = "printf '{\n \"text\": \"خبر أول\"\n}\n{\n \"text\": \"خبر ثان\"\n}\n' | ";
    assert_int_equal(run(&out, "ingest --db %s -", sdb), 3);
    assert_non_null(strstr(out, "stdin: line 1: malformed JSON"));
    assert_non_null(strstr(out, "jq -c"));
    free(out);
    /* JSONL whose first line is broken: that line fails, the next is kept */
    feed = "printf '{\"text\": \"سطر مكسور\n{\"text\": \"وصل الوفد إلى العاصمة\"}\n' | ";
    assert_int_equal(run(&out, "ingest --db %s --on-error skip -", sdb), 3);
    assert_non_null(strstr(out, "stdin: line 1: malformed JSON"));
    assert_non_null(strstr(out, "added 1, skipped 0 (duplicates), failed 1"));
    free(out);
    /* a first line over the limit: refused by its length; the hint for a
     * lone "{" read the blanks past what was kept of it (ASan: heap overflow) */
    feed = "{ printf '{'; head -c 300000 /dev/zero | tr '\\0' ' '; echo; } | ";
    assert_int_equal(run(&out, "ingest --db %s --max-bytes 1 -", sdb), 3);
    assert_non_null(strstr(out, "stdin: line 1: 300002 bytes, over the limit"));
    assert_null(strstr(out, "jq -c"));
    free(out);
    /* ... with --on-error skip, that line is the one failure: the lines
     * after it were read as an input of their own, and none was an input
     * of no JSON lines ("failed 2", "stdin: empty"); a line after it is
     * stored */
    feed = "{ printf '{'; head -c 300000 /dev/zero | tr '\\0' ' '; echo; } | ";
    assert_int_equal(run(&out, "ingest --db %s --max-bytes 1 --on-error skip -", sdb), 3);
    assert_non_null(strstr(out, "failed 1"));
    assert_null(strstr(out, "empty"));
    free(out);
    feed = "{ printf '{'; head -c 300000 /dev/zero | tr '\\0' ' '; echo; "
           "echo '{\"text\": \"عاد الوفد من العاصمة\"}'; } | ";
    assert_int_equal(run(&out, "ingest --db %s --max-bytes 64 --on-error skip -", sdb), 3);
    assert_non_null(strstr(out, "added 1, skipped 0 (duplicates), failed 1"));
    free(out);
    /* a document over the limit ("{" alone first: one for sure) is said as
     * a .json file's is; it got line 1's "malformed JSON" and the JSONL hint */
    feed = "{ echo '{'; echo ' \"articles\": ['; for i in $(seq 1 3000); do "
           "echo '  {\"text\": \"نص الخبر عن الأسواق في دمشق\"},'; done; "
           "echo '  {\"text\": \"آخر\"}]'; echo '}'; } | ";
    assert_int_equal(run(&out, "ingest --db %s --max-bytes 2K -", sdb), 3);
    assert_non_null(strstr(out, "stdin: a JSON document over 81920 bytes"));
    assert_null(strstr(out, "line 1: malformed JSON"));
    free(out);
    feed = "";
    assert_int_equal(run(&out, "export --db %s", sdb), 0);
    assert_non_null(strstr(out, "\"title\":\"افتتاح جسر\",\"source\":null,\"url\":null,"
                                "\"published\":null,\"origin\":\"stdin#1\""));
    assert_non_null(strstr(out, "\"origin\":\"stdin#2\",\"author\":null,\"text\":\"أعلنت الوزارة افتتاح المدرسة\""));
    assert_non_null(strstr(out, "\"origin\":\"stdin:2\",\"author\":null,\"text\":\"وصل الوفد إلى العاصمة\""));
    free(out);
    free(sdb);
}

/* Stores the user may not write. Root may write anything, so as root the
 * commands run as nobody (setpriv); skipped where that is not possible. */
static void test_readonly_stores(void **state)
{
    (void)state;
    const char *nobody = "setpriv --reuid=65534 --regid=65534 --clear-groups ";
    if (geteuid() == 0) {
        char probe[4200];
        snprintf(probe, sizeof probe, "%stest -x %s 2>/dev/null", nobody, bin);
        if (system(probe) != 0)
            skip(); /* no setpriv, or nobody cannot reach the binary */
    }
    char *good = write_file(dir, "ro1.txt", ART_TALKS);
    char *more = write_file(dir, "ro2.txt", ART_SCHOOL);
    char *sub = path_join(dir, "ro");
    assert_int_equal(mkdir(sub, 0777), 0);
    assert_int_equal(chmod(sub, 0777), 0); /* whatever the umask */
    assert_int_equal(chmod(dir, 0755), 0);
    char *ro = path_join(sub, "ro.db");
    assert_int_equal(run(NULL, "ingest --db %s %s", ro, good), 0);
    char *out;

    /* a read-only file in a writable folder: read normally, never written */
    assert_int_equal(chmod(ro, 0444), 0);
    as_user = geteuid() == 0 ? nobody : "";
    assert_int_equal(run(&out, "search --db %s -k 1 المفاوضات", ro), 0);
    assert_non_null(strstr(out, "[مفاوضات]"));
    free(out);
    assert_int_equal(run(&out, "ingest --db %s %s", ro, more), 4);
    assert_non_null(strstr(out, "read-only"));
    free(out);
    assert_int_equal(run(&out, "stats --db %s", ro), 0);
    assert_non_null(strstr(out, "articles:       1"));
    free(out);

    /* a writable file in a folder that is not: SQLite cannot make PATH-shm */
    as_user = "";
    char cmd[4400];
    snprintf(cmd, sizeof cmd, "rm -f '%s-wal' '%s-shm'", ro, ro);
    assert_int_equal(system(cmd), 0);
    assert_int_equal(chmod(ro, 0666), 0);
    assert_int_equal(chmod(sub, 0555), 0);
    as_user = geteuid() == 0 ? nobody : "";
    assert_int_equal(run(&out, "stats --db %s", ro), 4);
    assert_non_null(strstr(out, "folder is not writable"));
    free(out);
    assert_int_equal(run(NULL, "ingest --db %s %s", ro, more), 4);
    as_user = "";
    assert_int_equal(chmod(sub, 0755), 0);
    assert_int_equal(run(&out, "stats --db %s", ro), 0); /* nothing was lost */
    assert_non_null(strstr(out, "articles:       1"));
    free(out);
    free(ro);
    free(sub);
    free(more);
    free(good);
}

/* A WAL store on a read-only file system (here a read-only bind mount in a
 * private mount namespace) is read as immutable: every reading command
 * works, writers get "read-only". Skipped where namespaces are not allowed. */
static void test_readonly_filesystem(void **state)
{
    (void)state;
    if (system("unshare -m sh -c 'mount -t tmpfs none /mnt' >/dev/null 2>&1") != 0)
        skip();
    char *sub = path_join(dir, "rofs");
    assert_int_equal(mkdir(sub, 0755), 0);
    char *rdb = path_join(sub, "r.db");
    char *good = write_file(dir, "rofs.txt", ART_TALKS);
    assert_int_equal(run(NULL, "ingest --db %s %s", rdb, good), 0);
    char prefix[4200];
    snprintf(prefix, sizeof prefix,
             "unshare -m sh -c 'mount --bind %s %s && mount -o remount,bind,ro %s && exec \"$0\" \"$@\"' ",
             sub, sub, sub);
    as_user = prefix;
    char *out;
    assert_int_equal(run(&out, "stats --db %s", rdb), 0);
    assert_non_null(strstr(out, "articles:       1"));
    free(out);
    assert_int_equal(run(&out, "search --db %s -k 1 المفاوضات", rdb), 0);
    assert_non_null(strstr(out, "[مفاوضات]"));
    free(out);
    assert_int_equal(run(&out, "check --db %s 'قوات سوريا الديمقراطية تتفاوض مع داعش'", rdb), 0);
    free(out);
    assert_int_equal(run(&out, "ingest --db %s %s", rdb, good), 4);
    assert_non_null(strstr(out, "read-only"));
    free(out);
    as_user = "";
    free(good);
    free(rdb);
    free(sub);
}

/* Each command's --help lists every flag it accepts; a bad flag names
 * itself and points to that help. */
/* export: every article as a JSON line that ingest reads back — into a new
 * store the same articles, into the same store only duplicates. */
static void test_export(void **state)
{
    (void)state;
    char *edb = path_join(dir, "export.db"), *copy = path_join(dir, "copy.db");
    char *txt = write_file(dir, "exp1.txt", ART_WEATHER);
    char *jl = write_file(dir, "exp2.jsonl",
                          "{\"text\":\"افتتحت البلدية جسرا جديدا فوق النهر.\",\"title\":\"جسر جديد\","
                          "\"url\":\"https://www.nahr.example/a/1\",\"published\":\"2018-01-02\"}\n");
    char *out;
    assert_int_equal(run(NULL, "ingest --db %s %s %s", edb, txt, jl), 0);
    assert_int_equal(run(&out, "export --db %s", edb), 0);
    char *second = strchr(out, '\n');
    assert_non_null(second);
    *second++ = '\0';
    cJSON *a = cJSON_Parse(out), *b = cJSON_Parse(second);
    assert_non_null(a);
    assert_non_null(b);
    assert_int_equal(cJSON_GetObjectItem(a, "id")->valuedouble, 1);
    assert_string_equal(cJSON_GetObjectItem(a, "title")->valuestring, "ارتفاع درجات الحرارة في دمشق");
    assert_non_null(strstr(cJSON_GetObjectItem(a, "text")->valuestring, "مديرية الأرصاد الجوية"));
    assert_true(cJSON_IsNull(cJSON_GetObjectItem(a, "url")));
    assert_string_equal(cJSON_GetObjectItem(b, "title")->valuestring, "جسر جديد");
    assert_string_equal(cJSON_GetObjectItem(b, "url")->valuestring, "https://www.nahr.example/a/1");
    assert_string_equal(cJSON_GetObjectItem(b, "source")->valuestring, "nahr.example");
    assert_string_equal(cJSON_GetObjectItem(b, "published")->valuestring, "2018-01-02");
    cJSON_Delete(a);
    cJSON_Delete(b);
    free(out);

    char pipe[4400];
    snprintf(pipe, sizeof pipe, "%s export --db %s | ", bin, edb);
    feed = pipe;
    assert_int_equal(run(&out, "ingest --db %s -", copy), 0);
    assert_non_null(strstr(out, "added 2, skipped 0"));
    free(out);
    assert_int_equal(run(&out, "ingest --db %s -", edb), 0);
    assert_non_null(strstr(out, "added 0, skipped 2"));
    free(out);
    feed = "";
    assert_int_equal(run(&out, "show --db %s 2", copy), 0);
    assert_non_null(strstr(out, "#2  جسر جديد"));
    assert_non_null(strstr(out, "url:       https://www.nahr.example/a/1"));
    free(out);
    assert_int_equal(run(&out, "export --db %s/none.db", dir), 4);
    free(out);
    free(edb);
    free(copy);
    free(txt);
    free(jl);
}

/* export, then ingest: the same texts byte for byte. Ingest cleans a text of
 * site furniture, and a second pass over a cleaned text is not a no-op: a
 * line that repeats one 22 lines up (past the 20-line window that looks for
 * near copies) is kept, but once the 21 furniture lines between them are
 * gone, it is dropped. A restored backup lost that line, and the export
 * ingested into its own store added a shortened second copy. (9 of 12,315
 * articles of a store built from baly2018.) Text from export is now stored
 * as it is. */
/* An article's author: `show` prints it under the source, `show --json`,
 * `list --json` and `export` carry it ("author", null when unknown), and
 * an export ingested into another store keeps it. An article with no author
 * prints no author line. */
static void test_author_shown(void **state)
{
    (void)state;
    char *src = write_file(dir, "by.jsonl",
                           "{\"text\":\"قال مسؤولون في البلدية إن المياه عادت إلى أحياء المدينة"
                           " الشرقية بعد انقطاع دام ثلاثة أيام.\",\"source\":\"sahil-today.example\","
                           "\"author\":{\"name\":\"سامر الحلبي\"}}\n"
                           "{\"text\":\"أعلنت وزارة التربية افتتاح مدرسة جديدة في الحي الغربي من"
                           " المدينة.\",\"source\":\"sahil-today.example\"}\n");
    char *a = path_join(dir, "by_a.db"), *b = path_join(dir, "by_b.db");
    char *exported = path_join(dir, "by_a.jsonl");
    char *out;
    assert_int_equal(run(NULL, "ingest --db %s %s", a, src), 0);
    assert_int_equal(run(&out, "show --db %s 1", a), 0);
    assert_non_null(strstr(out, "source:    sahil-today.example\nauthor:    سامر الحلبي\n"));
    free(out);
    assert_int_equal(run(&out, "show --db %s 2", a), 0);
    assert_null(strstr(out, "author:"));
    free(out);
    assert_int_equal(run(&out, "show --db %s --json 1", a), 0);
    cJSON *j = cJSON_Parse(out);
    assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(j, "author")), "سامر الحلبي");
    cJSON_Delete(j);
    free(out);
    assert_int_equal(run(&out, "show --db %s --json 2", a), 0);
    j = cJSON_Parse(out);
    assert_true(cJSON_IsNull(cJSON_GetObjectItem(j, "author")));
    cJSON_Delete(j);
    free(out);
    assert_int_equal(run(&out, "list --db %s --json", a), 0);
    j = cJSON_Parse(out);
    cJSON *arts = cJSON_GetObjectItem(j, "articles");
    assert_true(cJSON_IsNull(cJSON_GetObjectItem(cJSON_GetArrayItem(arts, 0), "author"))); /* id 2 */
    assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(cJSON_GetArrayItem(arts, 1), "author")),
                        "سامر الحلبي");
    cJSON_Delete(j);
    free(out);
    assert_int_equal(run(&out, "export --db %s", a), 0);
    write_bytes(exported, out, strlen(out));
    free(out);
    assert_int_equal(run(NULL, "ingest --db %s %s", b, exported), 0);
    assert_int_equal(run(&out, "show --db %s --json 1", b), 0);
    j = cJSON_Parse(out);
    assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(j, "author")), "سامر الحلبي");
    cJSON_Delete(j);
    free(out);
    free(src);
    free(a);
    free(b);
    free(exported);
}

static void test_export_round_trip(void **state)
{
    (void)state;
    const char *said = "قال وزير الزراعة المصري إن الاجتماع سيبحث خطط مواجهة الجفاف في "
                       "المنطقة العربية خلال السنوات الخمس المقبلة.";
    mz_buf page = {0};
    mz_buf_puts(&page, "اجتماع وزراء الزراعة العرب في القاهرة\n");
    mz_buf_puts(&page, said);
    mz_buf_puts(&page, "\n");
    for (int i = 0; i < 21; i++)
        mz_buf_puts(&page, "اقرأ أيضا\n");
    mz_buf_puts(&page, "وأضاف: ");
    mz_buf_puts(&page, said);
    mz_buf_puts(&page, "\nوينتظر أن يصدر الوزراء بيانا ختاميا في نهاية الاجتماع يتضمن توصيات "
                       "لدعم صغار المزارعين في الدول الأعضاء.\n");
    char *art = mz_buf_take(&page);
    char *src = write_file(dir, "rt.txt", art);
    free(art);
    char *a = path_join(dir, "rt_a.db"), *b = path_join(dir, "rt_b.db");
    char *exported = path_join(dir, "rt_a.jsonl");
    char *out, *first, *second;
    assert_int_equal(run(NULL, "ingest --db %s %s", a, src), 0);
    assert_int_equal(run(&first, "export --db %s", a), 0);
    assert_non_null(strstr(first, "وأضاف: قال وزير")); /* the first ingest kept it */
    write_bytes(exported, first, strlen(first));
    assert_int_equal(run(NULL, "ingest --db %s %s", b, exported), 0);
    assert_int_equal(run(&second, "export --db %s", b), 0);
    cJSON *x = cJSON_Parse(first), *y = cJSON_Parse(second);
    assert_non_null(x);
    assert_non_null(y);
    assert_string_equal(cJSON_GetObjectItem(y, "text")->valuestring,
                        cJSON_GetObjectItem(x, "text")->valuestring);
    assert_string_equal(cJSON_GetObjectItem(y, "title")->valuestring,
                        cJSON_GetObjectItem(x, "title")->valuestring);
    cJSON_Delete(x);
    cJSON_Delete(y);
    free(first);
    free(second);
    /* into the store it came from: only duplicates */
    assert_int_equal(run(&out, "ingest --db %s %s", a, exported), 0);
    assert_non_null(strstr(out, "added 0, skipped 1"));
    free(out);
    /* and so is `show --json` piped back: it was cleaned a second time and
     * stored as a shorter second copy */
    char *shown;
    assert_int_equal(run(&shown, "show --db %s --json 1", a), 0);
    char *shown_file = path_join(dir, "rt_shown.json");
    write_bytes(shown_file, shown, strlen(shown));
    free(shown);
    char pipe_in[4300];
    snprintf(pipe_in, sizeof pipe_in, "cat '%s' | ", shown_file);
    feed = pipe_in;
    assert_int_equal(run(&out, "ingest --db %s -", a), 0);
    feed = "";
    assert_non_null(strstr(out, "added 0, skipped 1"));
    free(out);
    free(shown_file);
    /* the same text in an ordinary JSONL line is cleaned as before */
    char *c = path_join(dir, "rt_c.db");
    char *plain = path_join(dir, "rt_plain.jsonl");
    char cmd[8192];
    snprintf(cmd, sizeof cmd, "sed 's/\"schema\":\"[^\"]*\",//' '%s' > '%s'", exported, plain);
    assert_int_equal(system(cmd), 0);
    assert_int_equal(run(NULL, "ingest --db %s %s", c, plain), 0);
    assert_int_equal(run(&out, "export --db %s", c), 0);
    assert_null(strstr(out, "وأضاف: قال وزير"));
    free(out);
    free(plain);
    free(c);
    free(exported);
    free(b);
    free(a);
    free(src);
}

/* delete: all the ids or none; the index forgets the article, and the same
 * text can be ingested again. */
static void test_delete(void **state)
{
    (void)state;
    char *ddb = path_join(dir, "delete.db");
    char *a = write_file(dir, "del1.txt", ART_KILLED);
    char *b = write_file(dir, "del2.txt", ART_SCHOOL);
    char *out;
    assert_int_equal(run(NULL, "ingest --db %s %s %s", ddb, a, b), 0);
    /* an id that is not stored: exit 5, and article 1 is still there */
    assert_int_equal(run(&out, "delete --db %s 1 9", ddb), 5);
    assert_non_null(strstr(out, "no article with id 9 (nothing was removed)"));
    free(out);
    assert_int_equal(run(NULL, "show --db %s 1", ddb), 0);
    assert_int_equal(run(&out, "delete --db %s --json 1 1", ddb), 0);
    assert_non_null(strstr(out, "{\"deleted\": [1]}"));
    free(out);
    assert_int_equal(run(NULL, "show --db %s 1", ddb), 5);
    assert_int_equal(run(&out, "search --db %s أبو عمر الشامي", ddb), 0);
    assert_non_null(strstr(out, "no matching articles"));
    free(out);
    assert_int_equal(run(&out, "search --db %s المدرسة الثانوية", ddb), 0);
    assert_non_null(strstr(out, "#2"));
    free(out);
    assert_int_equal(run(&out, "ingest --db %s %s", ddb, a), 0); /* no longer a duplicate */
    assert_non_null(strstr(out, "added 1"));
    free(out);
    assert_int_equal(run(NULL, "delete --db %s", ddb), 2);
    assert_int_equal(run(NULL, "delete --db %s 0", ddb), 2);
    assert_int_equal(run(NULL, "delete --db %s/none.db 1", dir), 4);
    free(ddb);
    free(a);
    free(b);
}

/* Error messages quote file names and flags: an escape sequence or a lone
 * invalid byte in one is written \xNN, never sent to the terminal raw. */
static void test_errors_escape_controls(void **state)
{
    (void)state;
    char *out;
    assert_int_equal(run(&out, "ingest --db %s \"$(printf '%s/\\033[2Jgone\\205.txt')\"", db, dir), 5);
    assert_non_null(strstr(out, "\\x1b[2Jgone\\x85.txt"));
    assert_null(strchr(out, 0x1b));
    free(out);
    assert_int_equal(run(&out, "search --db %s \"$(printf -- '--x\\033]0;title\\007')\" q", db), 2);
    assert_non_null(strstr(out, "unknown option '--x\\x1b]0;title\\x07'"));
    assert_null(strchr(out, 0x1b));
    free(out);
    assert_int_equal(run(&out, "\"$(printf 'chec\\033k')\""), 2);
    assert_non_null(strstr(out, "unknown command 'chec\\x1bk'"));
    free(out);
    /* Arabic in a message is kept as it is. */
    assert_int_equal(run(&out, "ingest --db %s %s/مقال-غائب.txt", db, dir), 5);
    assert_non_null(strstr(out, "مقال-غائب.txt"));
    free(out);
}

/* A store filled before ingest blanked control characters (or edited by
 * SQL) may hold an escape sequence or a bidi override in a title or body:
 * `search` prints neither to the terminal (an ESC[2J cleared the screen of
 * whoever searched), nor puts them in the JSON snippet. */
static void test_search_old_controls(void **state)
{
    (void)state;
    char *old = path_join(dir, "old-controls.db");
    char *a = write_file(dir, "talks.txt", ART_TALKS);
    char *out;
    assert_int_equal(run(&out, "ingest -q --db %s %s", old, a), 0);
    free(out);
    sqlite3 *raw;
    assert_int_equal(sqlite3_open(old, &raw), SQLITE_OK);
    assert_int_equal(sqlite3_exec(raw,
                                  "DROP TRIGGER articles_au;"
                                  "UPDATE articles SET title = title || char(27) || '[2J' ||"
                                  " char(8238) || ' ' || char(155) || '1m',"
                                  " body = replace(body, 'جنيف', 'جنيف' || char(27) || ']0;x' ||"
                                  " char(7) || char(8238))",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_close(raw);
    assert_int_equal(run(&out, "search --db %s 'مفاوضات جنيف'", old), 0);
    assert_non_null(strstr(out, "[جنيف]"));
    assert_non_null(strstr(out, "جولة جديدة من مفاوضات السلام"));
    assert_no_controls(out);
    free(out);
    assert_int_equal(run(&out, "search --db %s --json 'مفاوضات جنيف'", old), 0);
    assert_no_controls(out);
    free(out);
    free(a);
    free(old);
}

static void test_help_and_bad_flags(void **state)
{
    (void)state;
    static const struct {
        const char *cmd, *flags[8];
    } cmds[] = {
        {"ingest", {"--db", "--on-error", "--max-bytes", "--json", "--quiet", "--help"}},
        {"search", {"--db", "-k", "--json", "--help"}},
        {"show", {"--db", "--json", "--help"}},
        {"stats", {"--db", "--json", "--help"}},
        {"export", {"--db", "--help"}},
        {"delete", {"--db", "--json", "--help"}},
    };
    for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
        char *out;
        assert_int_equal(run(&out, "%s --help", cmds[i].cmd), 0);
        for (size_t f = 0; cmds[i].flags[f]; f++)
            assert_non_null(strstr(out, cmds[i].flags[f]));
        assert_non_null(strstr(out, "Exit codes"));
        free(out);
        assert_int_equal(run(&out, "%s --db %s --frobnicate 1", cmds[i].cmd, db), 2);
        assert_non_null(strstr(out, "unknown option '--frobnicate'"));
        assert_non_null(strstr(out, "--help"));
        free(out);
        assert_int_equal(run(&out, "%s -Z 1", cmds[i].cmd), 2);
        assert_non_null(strstr(out, "unknown option '-Z'"));
        free(out);
        assert_int_equal(run(&out, "%s 1 --db", cmds[i].cmd), 2);
        assert_non_null(strstr(out, "option '--db' needs a value"));
        free(out);
    }
    /* The other commands report a bad flag the same way, once: getopt's own
     * message ("check: unrecognized option") is silenced everywhere. */
    static const struct {
        const char *cmd, *valued;
    } others[] = {{"check", "--db"},    {"eval", "--data"},  {"eval-claims", "--data"},
                  {"stance", "--claim"}, {"train", "--data"}, {"serve", "--db"}};
    for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
        char *out;
        assert_int_equal(run(&out, "%s --frobnicate", others[i].cmd), 2);
        assert_non_null(strstr(out, "unknown option '--frobnicate'"));
        assert_null(strstr(out, "unrecognized"));
        free(out);
        assert_int_equal(run(&out, "%s %s", others[i].cmd, others[i].valued), 2);
        char want[64];
        snprintf(want, sizeof want, "option '%s' needs a value", others[i].valued);
        assert_non_null(strstr(out, want));
        free(out);
    }
}

/* The reading commands open the store read-only, so none of them writes
 * into its file. A backup put back beside another store's PATH-wal (a
 * restore over an old copy) is read with that log's pages over its own,
 * which SQLite cannot tell; `mizan stats`, opened to write, then
 * checkpointed that log into the file when it closed, and the backup was
 * lost for good. Now stats, list, show, search and export leave the file's
 * bytes as they were, whatever they read. */
static void test_readers_never_write(void **state)
{
    (void)state;
    char *a_db = path_join(dir, "wa.db"), *b_db = path_join(dir, "wb.db");
    char *t1 = write_file(dir, "w1.txt", ART_TALKS), *t2 = write_file(dir, "w2.txt", ART_KILLED),
         *t3 = write_file(dir, "w3.txt", ART_SCHOOL);
    char *out;
    assert_int_equal(run(&out, "ingest --db %s %s", a_db, t1), 0);
    free(out);
    assert_int_equal(run(&out, "ingest --db %s %s %s %s", b_db, t1, t2, t3), 0);
    free(out);
    /* a's log, left with its frames as a crash leaves it */
    sqlite3 *raw;
    assert_int_equal(sqlite3_open(a_db, &raw), SQLITE_OK);
    assert_int_equal(sqlite3_db_config(raw, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, (int *)NULL),
                     SQLITE_OK);
    assert_int_equal(sqlite3_exec(raw,
                                  "PRAGMA wal_autocheckpoint = 0; CREATE TABLE junk(x);"
                                  "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
                                  " WHERE i < 40) INSERT INTO junk SELECT zeroblob(3000) FROM n",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_close(raw);
    char *a_wal = path_join(dir, "wa.db-wal"), *b_wal = path_join(dir, "wb.db-wal");
    char *wal, *before;
    size_t wal_len, len;
    assert_int_equal(mz_read_file(a_wal, 0, &wal, &wal_len, NULL), MZ_OK);
    write_bytes(b_wal, wal, wal_len);
    assert_int_equal(mz_read_file(b_db, 0, &before, &len, NULL), MZ_OK);
    static const char *const cmds[] = {"stats", "list", "show 1", "search مفاوضات", "export"};
    for (size_t i = 0; i < sizeof cmds / sizeof *cmds; i++) {
        run(&out, "%s --db %s", cmds[i], b_db); /* what it reads is the log's mix */
        free(out);
        char *now;
        size_t n;
        assert_int_equal(mz_read_file(b_db, 0, &now, &n, NULL), MZ_OK);
        if (n != len || memcmp(now, before, len))
            fail_msg("'mizan %s' wrote into the store's file", cmds[i]);
        free(now);
    }
    free(before);
    free(wal);
    free(a_wal);
    free(b_wal);
    free(t1);
    free(t2);
    free(t3);
    free(a_db);
    free(b_db);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ingest_search_show_stats),
        cmocka_unit_test(test_exit_codes),
        cmocka_unit_test(test_locked_database),
        cmocka_unit_test(test_waiting_input_holds_no_lock),
        cmocka_unit_test(test_store_cannot_grow),
        cmocka_unit_test(test_stdin),
        cmocka_unit_test(test_stdin_pretty_json),
        cmocka_unit_test(test_readonly_stores),
        cmocka_unit_test(test_readonly_filesystem),
        cmocka_unit_test(test_export),
        cmocka_unit_test(test_export_round_trip),
        cmocka_unit_test(test_author_shown),
        cmocka_unit_test(test_delete),
        cmocka_unit_test(test_help_and_bad_flags),
        cmocka_unit_test(test_readers_never_write),
        cmocka_unit_test(test_errors_escape_controls),
        cmocka_unit_test(test_search_old_controls),
    };
    return cmocka_run_group_tests_name("store_cli", tests, setup, teardown);
}
