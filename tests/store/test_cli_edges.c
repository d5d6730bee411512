/* test_cli_edges.c — the store commands at their edges, as a user meets
 * them: a first ingest that stores nothing, two writers at once, old stores
 * holding control characters, arguments of the wrong kind. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <cjson/cJSON.h>
#include <sqlite3.h>

#include "store/store.h"
#include "util/util.h"
#include "store_helpers.h"
#include "../shell_output.h"

static char *bin, *dir;

/* Runs "mizan ARGS" (after an optional "VAR=value " prefix in fmt) with
 * stdout and stderr into *out; returns the exit code. */
static int run(char **out, const char *fmt, ...)
{
    const char *prefix = bin;
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
    return access(bin, X_OK) == 0 ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    rm_rf(dir);
    free(dir);
    free(bin);
    return 0;
}

static bool exists(const char *path)
{
    return access(path, F_OK) == 0;
}

/* Waits (up to 10 s) for a background command's exit status, written to
 * the file rc as it ended, and checks it is want ("0\n"). */
static void assert_exit_file(const char *rc, const char *want)
{
    for (int i = 0; i < 200 && !exists(rc); i++)
        usleep(50 * 1000);
    char *text;
    size_t len;
    mz_error err;
    assert_int_equal(mz_read_file(rc, 16, &text, &len, &err), MZ_OK);
    assert_string_equal(text, want);
    free(text);
}

/* A first ingest whose every input was refused left an empty store behind,
 * and the next command found "no articles" where there was no store. */
static void test_first_ingest_storing_nothing(void **state)
{
    (void)state;
    char *db = path_join(dir, "first.db");
    char *bin_file = path_join(dir, "photo.bin");
    write_bytes(bin_file, "\x89PNG\r\n\x1a\n\0\0", 10);
    char *good = write_file(dir, "good.txt", ART_TALKS);
    char *out;
    assert_int_equal(run(&out, "ingest --db %s %s", db, bin_file), 3);
    assert_non_null(strstr(out, "rolled back, no database was created"));
    assert_null(strstr(out, "--on-error skip")); /* no good item to keep */
    free(out);
    assert_false(exists(db));
    char wal[512];
    snprintf(wal, sizeof wal, "%s-wal", db);
    assert_false(exists(wal));
    assert_int_equal(run(&out, "stats --db %s", db), 4);
    assert_non_null(strstr(out, "no such database"));
    free(out);
    /* a good item before the bad one, rolled back: no store either; the
     * way to keep it is named */
    assert_int_equal(run(&out, "ingest --db %s %s %s", db, good, bin_file), 3);
    assert_non_null(strstr(out, "(use --on-error skip to keep the good items)"));
    free(out);
    assert_false(exists(db));
    /* a good item after the bad one, never read: the way to keep it is
     * named too (it was left out since no good item had been stored) */
    assert_int_equal(run(&out, "ingest --db %s %s %s", db, bin_file, good), 3);
    assert_non_null(strstr(out, "(use --on-error skip to keep the good items)"));
    free(out);
    assert_false(exists(db));
    /* and so is one in the lines of a JSONL file after a bad line */
    char *lines = write_file(dir, "bad_first.jsonl", "{\"title\": \"لا نص\"}\n"
                                              "{\"text\": \"أعلنت وزارة الزراعة أن موسم القمح هذا "
                                              "العام جاء أوفر من العام الماضي.\"}\n");
    assert_int_equal(run(&out, "ingest --db %s %s", db, lines), 3);
    assert_non_null(strstr(out, "(use --on-error skip to keep the good items)"));
    free(out);
    free(lines);
    assert_false(exists(db));
    /* a folder of that one bad file (and a README, never read) has nothing
     * else to keep: no advice (it was given, as for a folder of many) */
    char *one = path_join(dir, "one-bad");
    assert_int_equal(mkdir(one, 0755), 0);
    char *bad_in = path_join(one, "photo.bin");
    write_bytes(bad_in, "\x89PNG\r\n\x1a\n\0\0", 10);
    char *readme = write_file(one, "README.md", "# صور");
    assert_int_equal(run(&out, "ingest --db %s %s", db, one), 3);
    assert_non_null(strstr(out, "rolled back, no database was created"));
    assert_null(strstr(out, "--on-error skip"));
    free(out);
    /* with a story beside it, after it in the walk, the advice is given */
    char *story = write_file(one, "story.txt", ART_TALKS);
    assert_int_equal(run(&out, "ingest --db %s %s", db, one), 3);
    assert_non_null(strstr(out, "(use --on-error skip to keep the good items)"));
    free(out);
    assert_false(exists(db));
    free(story);
    free(readme);
    free(bad_in);
    free(one);
    /* skipping: nothing kept, nothing made */
    assert_int_equal(run(&out, "ingest --db %s --on-error skip %s", db, bin_file), 3);
    assert_non_null(strstr(out, "failed 1; nothing stored, no database created"));
    free(out);
    assert_false(exists(db));
    /* a dangling symbolic link as --db: SQLite makes its target; the run
     * removed the link (and left the target) */
    char *link = path_join(dir, "link.db"), *target = path_join(dir, "target.db");
    assert_int_equal(symlink("target.db", link), 0);
    assert_int_equal(run(NULL, "ingest --db %s %s", link, bin_file), 3);
    struct stat st;
    assert_int_equal(lstat(link, &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    free(target);
    free(link);
    /* a store that existed stays, even when this run adds nothing */
    assert_int_equal(run(NULL, "ingest --db %s %s", db, good), 0);
    assert_int_equal(run(&out, "ingest --db %s %s %s", db, good, bin_file), 3);
    assert_non_null(strstr(out, "the database is unchanged"));
    free(out);
    assert_int_equal(run(&out, "ingest --db %s %s", db, good), 0);
    assert_non_null(strstr(out, "skipped 1"));
    free(out);
    assert_int_equal(run(&out, "stats --db %s", db), 0);
    assert_non_null(strstr(out, "articles:       1"));
    free(out);
    free(good);
    free(bin_file);
    free(db);
}

/* The store removed by the run that made it: a writer that opened it in
 * the meantime must not write into the removed file (its articles would be
 * lost with no word); it is told, and the path is free for a new store. */
static void test_discarded_store_refuses_writers(void **state)
{
    (void)state;
    char *path = path_join(dir, "race.db");
    mz_db *maker, *other;
    mz_error err;
    assert_int_equal(mz_db_open(path, 0, &maker, &err), MZ_OK);
    assert_int_equal(mz_db_open(path, MZ_OPEN_NOCREATE, &other, &err), MZ_OK);
    bool removed;
    assert_int_equal(mz_db_discard_if_empty(maker, &removed, &err), MZ_OK);
    assert_true(removed);
    mz_db_close(maker);
    assert_false(exists(path));
    mz_article_input in = {.text = ART_WEATHER, .text_len = strlen(ART_WEATHER)};
    int64_t id;
    assert_int_equal(mz_article_add(other, &in, &id, &err), MZ_ERR_DB);
    assert_non_null(strstr(err.msg, "removed or replaced while it was open"));
    mz_db_close(other);
    assert_false(exists(path));
    /* a store with an article is never removed */
    assert_int_equal(mz_db_open(path, 0, &maker, &err), MZ_OK);
    assert_int_equal(mz_article_add(maker, &in, &id, &err), MZ_OK);
    assert_int_equal(mz_db_discard_if_empty(maker, &removed, &err), MZ_OK);
    assert_false(removed);
    mz_db_close(maker);
    assert_true(exists(path));
    free(path);
}

/* A folder with nothing to read in it (a wrong path, an empty download
 * folder, only pictures) said "added 0, skipped 0, failed 0 ... ok",
 * exit 0, where an empty file is exit 3: it is the same error now,
 * "empty", named with what was passed over; with --on-error skip the
 * other inputs are kept. A folder of files, and an empty folder inside
 * one, are no such error. */
static void test_empty_folder(void **state)
{
    (void)state;
    char *db = path_join(dir, "nothing.db");
    char *empty = path_join(dir, "empty-folder");
    assert_int_equal(mkdir(empty, 0755), 0);
    char *out;
    assert_int_equal(run(&out, "ingest --db %s %s", db, empty), 3);
    assert_non_null(strstr(out, "empty-folder: no files to ingest in it"));
    free(out);
    assert_false(exists(db));
    char *pictures = path_join(dir, "pictures");
    assert_int_equal(mkdir(pictures, 0755), 0);
    char *png = path_join(pictures, "a.png"), *hidden = write_file(pictures, ".notes", ART_TALKS);
    write_bytes(png, "\x89PNG\r\n\x1a\n", 8);
    char *good = write_file(dir, "kept.txt", ART_SCHOOL);
    assert_int_equal(run(&out, "ingest --db %s --json --on-error skip %s %s", db, pictures, good),
                     3);
    cJSON *j = cJSON_Parse(out);
    assert_non_null(j);
    assert_int_equal((int)cJSON_GetNumberValue(cJSON_GetObjectItem(j, "added")), 1);
    cJSON *e = cJSON_GetArrayItem(cJSON_GetObjectItem(j, "errors"), 0);
    assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(e, "error")), "empty");
    cJSON_Delete(j);
    free(out);
    /* an empty folder inside one that has files: nothing to say */
    char *inner = path_join(pictures, "empty-inside"), *story = write_file(pictures, "s.txt",
                                                                           ART_WEATHER);
    assert_int_equal(mkdir(inner, 0755), 0);
    assert_int_equal(run(&out, "ingest --db %s %s", db, pictures), 0);
    assert_non_null(strstr(out, "added 1, skipped 0 (duplicates), failed 0"));
    free(out);
    free(story);
    free(inner);
    free(good);
    free(hidden);
    free(png);
    free(pictures);
    free(empty);
    free(db);
}

/* Two first ingests into one new store path: the one that stored nothing
 * removed the store it made while the other had it open, and the other
 * then failed, exit 4 ("removed or replaced while it was open"), its
 * articles not stored. It now makes the store again and stores them. */
static void test_racing_first_ingests(void **state)
{
    (void)state;
    char *db = path_join(dir, "raced.db");
    char *good = write_file(dir, "raced.txt", ART_TALKS);
    char *rc = path_join(dir, "raced.rc");
    char cmd[8192];
    /* the first makes the store, waits for its stdin and gets nothing */
    snprintf(cmd, sizeof cmd, "{ sleep 1 | %s ingest --db '%s' - >/dev/null 2>&1;"
             " echo $? > '%s.tmp'; mv '%s.tmp' '%s'; } &", bin, db, rc, rc, rc);
    assert_int_equal(system(cmd), 0);
    usleep(400 * 1000); /* it made the store: the second opens it */
    snprintf(cmd, sizeof cmd, "{ sleep 1.6; cat '%s'; } | %s ingest --db '%s' - 2>&1", good, bin,
             db);
    char *out;
    assert_int_equal(shell_output(cmd, &out), 0);
    assert_non_null(strstr(out, "added 1,"));
    free(out);
    assert_exit_file(rc, "3\n"); /* stdin: empty */
    assert_int_equal(run(&out, "stats --db %s", db), 0);
    assert_non_null(strstr(out, "articles:       1"));
    free(out);
    /* the second made the store again and stored nothing either (its text
     * is blank): it removes what it made, as a first ingest does; it left
     * an empty store, since the store existed when it started */
    assert_int_equal(unlink(db), 0);
    unlink(rc);
    snprintf(cmd, sizeof cmd, "{ sleep 1 | %s ingest --db '%s' - >/dev/null 2>&1;"
             " echo $? > '%s.tmp'; mv '%s.tmp' '%s'; } &", bin, db, rc, rc, rc);
    assert_int_equal(system(cmd), 0);
    usleep(400 * 1000);
    assert_true(exists(db));
    snprintf(cmd, sizeof cmd, "{ sleep 1.6; printf '  \n'; } | %s ingest --db '%s' - 2>&1", bin,
             db);
    assert_int_equal(shell_output(cmd, &out), 3);
    assert_non_null(strstr(out, "no database was created"));
    free(out);
    assert_exit_file(rc, "3\n");
    assert_false(exists(db));
    free(rc);
    free(good);
    free(db);
}

/* A delete (or a second ingest) run while a long ingest holds the write
 * lock waited 2 s and failed: batch jobs had to retry by hand. The CLI
 * waits for the other writer, 60 s by default, MIZAN_BUSY_TIMEOUT seconds
 * when set. Two processes: a JSONL stream holds the lock between lines. */
static void test_writer_waits_for_writer(void **state)
{
    (void)state;
    char *db = path_join(dir, "busy.db");
    char *seed = write_file(dir, "seed.txt", ART_KILLED);
    char *l1 = write_file(dir, "l1.jsonl", "{\"text\": \"عاد المزارعون إلى حقولهم في سهل الغاب بعد موسم الأمطار\"}\n");
    char *l2 = write_file(dir, "l2.jsonl", "{\"text\": \"افتتحت البلدية سوقا جديدا للخضار في وسط حماة\"}\n");
    char *rc = path_join(dir, "busy.rc");
    assert_int_equal(run(NULL, "ingest --db %s %s", db, seed), 0);
    char cmd[8192];
    for (int round = 0; round < 2; round++) {
        snprintf(cmd, sizeof cmd,
                 "{ { cat '%s'; sleep %d; cat '%s'; } | %s ingest --db '%s' - >/dev/null 2>&1;"
                 " echo $? > '%s.tmp'; mv '%s.tmp' '%s'; } &",
                 l1, round == 0 ? 2 : 4, l2, bin, db, rc, rc, rc); /* 4 s: past the old 2 s */
        unlink(rc);
        assert_int_equal(system(cmd), 0);
        usleep(700 * 1000); /* the stream's first line is stored: it holds the lock */
        /* round 0, told to wait 0.3 s: locked, exit 4, nothing removed;
         * round 1, the default: waits for the stream to end, then removes */
        snprintf(cmd, sizeof cmd, "MIZAN_BUSY_TIMEOUT=%s %s delete --db '%s' 1 2>&1",
                 round == 0 ? "0.3" : "", bin, db);
        char *out;
        int code = shell_output(cmd, &out);
        if (round == 0) {
            assert_int_equal(code, 4);
            assert_non_null(strstr(out, "locked by another writer (waited 0.3 s)"));
        } else {
            assert_int_equal(code, 0);
            assert_non_null(strstr(out, "removed 1 article"));
        }
        free(out);
        assert_exit_file(rc, "0\n"); /* the stream went through */
    }
    char *out;
    assert_int_equal(run(&out, "stats --db %s", db), 0);
    assert_non_null(strstr(out, "articles:       2")); /* the seed gone; the stream's two, once */
    free(out);
    /* a value that is no number of seconds is refused, exit 2: also what
     * strtod would take (a blank, a sign, hex, an exponent: 0x10 was 16 s) */
    const char *bad[] = {"soon", "' 5'", "+5", "0x10", "1e3", "5.", ".", "-0"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        snprintf(cmd, sizeof cmd, "MIZAN_BUSY_TIMEOUT=%s %s stats --db '%s' 2>&1", bad[i], bin, db);
        assert_int_equal(shell_output(cmd, &out), 2);
        assert_non_null(strstr(out, "MIZAN_BUSY_TIMEOUT must be the seconds"));
        free(out);
    }
    snprintf(cmd, sizeof cmd, "MIZAN_BUSY_TIMEOUT=0.25 %s stats --db '%s' >/dev/null 2>&1", bin, db);
    assert_int_equal(shell_output(cmd, &out), 0);
    free(out);
    free(rc);
    free(l2);
    free(l1);
    free(seed);
    free(db);
}

/* With the 60 s wait, a command waiting for another writer printed
 * nothing meanwhile: on a terminal it now says once what it waits for and
 * how long it will (`script` gives it one); into a pipe, only the outcome. */
static void test_waiting_told_on_terminal(void **state)
{
    (void)state;
    if (system("script --version >/dev/null 2>&1") != 0)
        skip(); /* util-linux's script makes the pseudo-terminal */
    char *db = path_join(dir, "told.db");
    char *seed = write_file(dir, "told.txt", ART_KILLED);
    char *l1 = write_file(dir, "told.jsonl", "{\"text\": \"عاد المزارعون إلى حقولهم في سهل الغاب\"}\n");
    assert_int_equal(run(NULL, "ingest --db %s %s", db, seed), 0);
    char cmd[8192], *out;
    for (int tty = 0; tty < 2; tty++) {
        snprintf(cmd, sizeof cmd, "{ cat '%s'; sleep 3; } | %s ingest --db '%s' - >/dev/null 2>&1 &",
                 l1, bin, db);
        assert_int_equal(system(cmd), 0);
        usleep(700 * 1000); /* the stream's first line is stored: it holds the lock */
        const char *del = "MIZAN_BUSY_TIMEOUT=1.5 %s delete --db '%s' 1";
        char inner[4096];
        snprintf(inner, sizeof inner, del, bin, db);
        if (tty)
            snprintf(cmd, sizeof cmd, "script -qec \"%s\" /dev/null </dev/null 2>&1", inner);
        else
            snprintf(cmd, sizeof cmd, "%s 2>&1", inner);
        assert_int_equal(shell_output(cmd, &out), 4);
        const char *told = strstr(out, "told.db is locked by another writer; waiting up to 1.5 s "
                                       "for it (MIZAN_BUSY_TIMEOUT)...");
        if (tty) {
            assert_non_null(told);
            assert_null(strstr(strstr(told, "..."), "waiting up to")); /* once */
        } else {
            assert_null(told);
        }
        assert_non_null(strstr(out, "locked by another writer (waited 1.5 s)"));
        free(out);
        sleep(3); /* the stream ends */
    }
    free(l1);
    free(seed);
    free(db);
}

/* A pipe given as a file — `mizan ingest <(jq -c ...)`, /dev/stdin, a
 * named pipe — was refused, "not a regular file" (exit 1), though `-`
 * reads the same bytes. It is read as stdin is, told apart by how it
 * starts (here JSONL, whatever its name); a pipe met in a folder is not
 * opened (it would wait for a writer), and is a failed item. */
static void test_pipe_named_as_file(void **state)
{
    (void)state;
    char *db = path_join(dir, "pipes.db");
    char *fifo = path_join(dir, "feed.txt"); /* the name says text; JSONL flows */
    assert_int_equal(mkfifo(fifo, 0600), 0);
    char *lines = write_file(dir, "pipe-lines.jsonl",
                             "{\"text\": \"عاد المزارعون إلى حقولهم في سهل الغاب\"}\n"
                             "{\"text\": \"افتتحت البلدية سوقا جديدا للخضار في وسط حماة\"}\n");
    char cmd[8192], *out;
    /* the writer gives up after 10 s if no one reads (so before the fix) */
    snprintf(cmd, sizeof cmd, "timeout 10 sh -c \"cat '%s' > '%s'\" >/dev/null 2>&1 </dev/null &",
             lines, fifo);
    assert_int_equal(system(cmd), 0);
    assert_int_equal(run(&out, "ingest --db %s %s", db, fifo), 0);
    assert_non_null(strstr(out, "added 2,"));
    free(out);
    assert_int_equal(run(&out, "export --db %s", db), 0);
    assert_non_null(strstr(out, "feed.txt:2\""));
    free(out);
    char *story = write_file(dir, "piped.txt", ART_TALKS);
    snprintf(cmd, sizeof cmd, "%s ingest --db '%s' /dev/stdin < '%s' 2>&1", bin, db, story);
    assert_int_equal(shell_output(cmd, &out), 0);
    assert_non_null(strstr(out, "added 1,"));
    free(out);
    /* in a folder: not opened, a failed item, the rest stored */
    char *sub = path_join(dir, "withpipe");
    assert_int_equal(mkdir(sub, 0755), 0);
    char *inner = path_join(sub, "p"), *other = write_file(sub, "w.txt", ART_WEATHER);
    assert_int_equal(mkfifo(inner, 0600), 0);
    assert_int_equal(run(&out, "ingest --db %s --on-error skip %s", db, sub), 3);
    assert_non_null(strstr(out, "a pipe or device in a folder is not read"));
    assert_non_null(strstr(out, "added 1, skipped 0 (duplicates), failed 1"));
    free(out);
    free(other);
    free(inner);
    free(sub);
    free(story);
    free(lines);
    free(fifo);
    free(db);
}

/* An API's answer piped in as curl prints it, one line wrapping the
 * articles ({"status": "ok", "articles": [...]}, NewsAPI's shape, with its
 * source objects): "missing text"; now its articles, origin stdin:1#N. */
static void test_api_answer_on_stdin(void **state)
{
    (void)state;
    char *db = path_join(dir, "answer.db");
    char *answer = write_file(dir, "answer.txt",
                              "{\"status\":\"ok\",\"totalResults\":2,\"articles\":["
                              "{\"source\":{\"id\":null,\"name\":\"وكالة الساحل\"},\"title\":"
                              "\"افتتاح مستشفى\",\"content\":\"افتتحت وزارة الصحة مستشفى جديدا في "
                              "حمص.\",\"publishedAt\":\"2024-03-01T10:00:00Z\"},{\"title\":\"سوق\","
                              "\"content\":\"افتتحت البلدية سوقا جديدا للخضار في وسط حماة.\"}]}\n");
    char cmd[8192], *out;
    snprintf(cmd, sizeof cmd, "%s ingest --db '%s' - < '%s' 2>&1", bin, db, answer);
    assert_int_equal(shell_output(cmd, &out), 0);
    assert_non_null(strstr(out, "added 2,"));
    free(out);
    assert_int_equal(run(&out, "export --db %s", db), 0);
    assert_non_null(strstr(out, "\"source\":\"وكالة الساحل\""));
    assert_non_null(strstr(out, "\"origin\":\"stdin:1#2\""));
    free(out);
    free(answer);
    free(db);
}

/* serve --read-only with no store exited 5, the code of a missing article
 * or file, where every other command says 4 for a missing store (README,
 * Exit codes) and nothing is created. */
static void test_serve_read_only_missing(void **state)
{
    (void)state;
    char *db = path_join(dir, "absent.db");
    char *out;
    assert_int_equal(run(&out, "serve --read-only --port 0 --db %s", db), 4);
    assert_non_null(strstr(out, "absent.db: no such database (create it with 'mizan ingest')"));
    free(out);
    assert_false(exists(db));
    free(db);
}

/* A folder where a file is expected: check --claims, stance --article,
 * eval/train/eval-claims --data exited 1, the code of an internal failure
 * (they said "is a directory"); now 5, as a missing file; a folder given
 * for --model is a bad model (6), for --db a bad database (4). */
static void test_folder_for_a_file(void **state)
{
    (void)state;
    char *db = path_join(dir, "folders.db");
    char *good = write_file(dir, "folders.txt", ART_DIALOGUE);
    assert_int_equal(run(NULL, "ingest --db %s %s", db, good), 0);
    static const struct {
        const char *args;
        bool store; /* takes --db */
    } file_args[] = {
        {"check --claims", true}, {"stance --claim 'بدأت المفاوضات' --article", true},
        {"eval --data", false}, {"train --out /dev/null --data", false},
        {"eval-claims --data", false},
    };
    char *out;
    for (size_t i = 0; i < sizeof file_args / sizeof *file_args; i++) {
        assert_int_equal(run(&out, "%s %s%s%s", file_args[i].args, dir,
                             file_args[i].store ? " --db " : "", file_args[i].store ? db : ""),
                         5);
        assert_non_null(strstr(out, ": is a directory, not a file"));
        free(out);
    }
    assert_int_equal(run(&out, "check --db %s --model %s 'بدأت المفاوضات'", db, dir), 6);
    assert_non_null(strstr(out, "is a directory, not a stance model file"));
    free(out);
    static const char *const db_cmds[] = {"ingest %s", "search x", "show 1", "stats", "export",
                                          "delete 1", "check x", "serve --port 0"};
    for (size_t i = 0; i < sizeof db_cmds / sizeof *db_cmds; i++) {
        char args[256];
        snprintf(args, sizeof args, db_cmds[i], good);
        assert_int_equal(run(&out, "%s --db %s", args, dir), 4);
        assert_non_null(strstr(out, ": is a directory, not a database"));
        free(out);
    }
    free(good);
    free(db);
}

/* A store filled before ingest blanked controls (or edited by SQL) may hold
 * escape sequences, bidi overrides and invalid UTF-8: search cleaned its
 * hits, but show printed them raw (driving the terminal, turning lines
 * round) and show --json carried them escaped for the next program to
 * print. Every article read back is cleaned as ingest cleans now. */
static void test_show_old_controls(void **state)
{
    (void)state;
    char *old = path_join(dir, "old-show.db");
    char *a = write_file(dir, "show.txt", ART_TALKS);
    assert_int_equal(run(NULL, "ingest -q --db %s %s", old, a), 0);
    sqlite3 *raw;
    assert_int_equal(sqlite3_open(old, &raw), SQLITE_OK);
    assert_int_equal(sqlite3_exec(raw,
                                  "DROP TRIGGER articles_au;"
                                  "UPDATE articles SET title = title || char(27) || '[2J' ||"
                                  " char(8238) || ' ' || char(155) || '1m',"
                                  " source = char(27) || ']0;owned' || char(7) || 'وكالة',"
                                  " url = 'https://example.org/' || char(8237) || 'x',"
                                  " body = replace(body, 'جنيف', 'جنيف' || char(27) || '[31m' ||"
                                  " char(8238) || CAST(X'FF' AS TEXT))",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_close(raw);
    static const char *const cmds[] = {"show %s 1", "show --json %s 1", "export %s"};
    for (size_t i = 0; i < sizeof cmds / sizeof *cmds; i++) {
        char with_db[512], args[1024], *out;
        snprintf(with_db, sizeof with_db, "--db %s", old);
        snprintf(args, sizeof args, cmds[i], with_db);
        assert_int_equal(run(&out, "%s", args), 0);
        assert_non_null(strstr(out, "جولة جديدة من مفاوضات السلام"));
        assert_non_null(strstr(out, "جنيف"));
        assert_no_controls(out);
        size_t bad;
        assert_int_equal(mz_utf8_check(out, strlen(out), &bad), MZ_OK);
        if (i == 0) /* each field one line, trimmed */
            assert_non_null(strstr(out, "source:    ]0;owned وكالة\n"));
        free(out);
    }
    free(a);
    free(old);
}

/* UTF-16 text, as Windows tools save "Unicode": ingest's message said so
 * with the iconv command, but ingest --json said "binary", and a UTF-16
 * JSONL file failed once per line ("binary data" from line 2 on) and a
 * .json file as "binary" with no hint. Text in another encoding is
 * "invalid_utf8" in every form, once per file, with the command. */
static void test_utf16_named_in_json(void **state)
{
    (void)state;
    /* UTF-16LE of: خبر عن / {"text":"خبر عن"} (a BOM on the .txt, .jsonl and .html) */
#define U16_NEWS "\x2e\x06\x28\x06\x31\x06\x20\x00\x39\x06\x46\x06"
#define U16(c) c "\0"
    static const char txt[] = "\xff\xfe" U16_NEWS U16("\n");
    static const char jsonl[] = "\xff\xfe" U16("{") U16("\"") U16("t") U16("e") U16("x") U16("t")
        U16("\"") U16(":") U16("\"") U16_NEWS U16("\"") U16("}") U16("\n") U16("{") U16("}") U16("\n");
    static const char json[] = U16("[") U16("{") U16("\"") U16("t") U16("e") U16("x") U16("t")
        U16("\"") U16(":") U16("\"") U16_NEWS U16("\"") U16("}") U16("]");
    static const char html[] = "\xff\xfe" U16("<") U16("p") U16(">") U16_NEWS;
    const struct {
        const char *name, *data;
        size_t len;
    } files[] = {{"u.txt", txt, sizeof txt - 1}, {"u.jsonl", jsonl, sizeof jsonl - 1},
                 {"u.json", json, sizeof json - 1}, {"u.html", html, sizeof html - 1}};
    char *sub = path_join(dir, "utf16");
    assert_int_equal(mkdir(sub, 0755), 0);
    for (size_t i = 0; i < 4; i++) {
        char *p = path_join(sub, files[i].name);
        write_bytes(p, files[i].data, files[i].len);
        free(p);
    }
    char *db = path_join(dir, "u16.db");
    char *out;
    assert_int_equal(run(&out, "ingest --db %s --json --on-error skip %s", db, sub), 3);
    cJSON *j = cJSON_Parse(out);
    assert_non_null(j);
    cJSON *errors = cJSON_GetObjectItem(j, "errors");
    assert_int_equal(cJSON_GetArraySize(errors), 4); /* one a file, the JSONL's lines together */
    assert_int_equal((int)cJSON_GetNumberValue(cJSON_GetObjectItem(j, "failed")), 4);
    for (int i = 0; i < 4; i++) {
        cJSON *e = cJSON_GetArrayItem(errors, i);
        assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(e, "error")), "invalid_utf8");
        const char *msg = cJSON_GetStringValue(cJSON_GetObjectItem(e, "message"));
        assert_non_null(strstr(msg, "UTF-16"));
        assert_non_null(strstr(msg, "`iconv -f UTF-16"));
    }
    cJSON_Delete(j);
    free(out);
    free(db);
    free(sub);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_first_ingest_storing_nothing),
        cmocka_unit_test(test_discarded_store_refuses_writers),
        cmocka_unit_test(test_empty_folder),
        cmocka_unit_test(test_racing_first_ingests),
        cmocka_unit_test(test_writer_waits_for_writer),
        cmocka_unit_test(test_waiting_told_on_terminal),
        cmocka_unit_test(test_pipe_named_as_file),
        cmocka_unit_test(test_api_answer_on_stdin),
        cmocka_unit_test(test_serve_read_only_missing),
        cmocka_unit_test(test_folder_for_a_file),
        cmocka_unit_test(test_show_old_controls),
        cmocka_unit_test(test_utf16_named_in_json),
    };
    return cmocka_run_group_tests_name("store_cli_edges", tests, setup, teardown);
}
