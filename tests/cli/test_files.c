/* test_files.c — the files the commands write and read by name: an output
 * file is written whole or not at all (a new file renamed over the old),
 * and a path that is not a regular file (a pipe, a device) is refused
 * where the command needs a file. Each test is a bug found by hunting. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "util/util.h"
#include "../add_fails.h"

static char dir[] = "/tmp/mizan-files-XXXXXX";
static const char *bin;
#include "../cli_run.h" /* cli_dir_open/remove, run(), sh(), write_file(), read_back() */

/* Labelled pairs, one per label for each of two claims (written for these tests). */
#define PAIR(id, claim, article, stance)                                                        \
    "{\"claim_id\":\"" id "\",\"fold\":\"F" id "\",\"claim\":\"" claim "\",\"article\":\"" article \
    "\",\"stance\":\"" stance "\",\"fact\":\"false\"}\n"
#define CLAIM1 "الجيش يسيطر على مطار مدينة حلب"
#define CLAIM2 "المعارضة تنسحب من بلدة خان شيخون"
static const char data[] =
    PAIR("1", CLAIM1, "قال مصدر عسكري إن " CLAIM1 " بعد معارك عنيفة.", "agree")
    PAIR("1", CLAIM1, "نفى مصدر رسمي أن " CLAIM1 " ووصف ذلك بالشائعات.", "disagree")
    PAIR("1", CLAIM1, "تحدثت أنباء غير مؤكدة عن أن " CLAIM1 " ربما.", "discuss")
    PAIR("1", CLAIM1, "ارتفعت أسعار الخبز في أسواق المدينة اليوم.", "unrelated")
    PAIR("2", CLAIM2, "أكدت مصادر محلية أن " CLAIM2 " منذ الصباح.", "agree")
    PAIR("2", CLAIM2, "نفت فصائل المعارضة أنها تنسحب من بلدة خان شيخون.", "disagree")
    PAIR("2", CLAIM2, "يقول ناشطون إن " CLAIM2 " ولم يتسن التحقق من ذلك.", "discuss")
    PAIR("2", CLAIM2, "افتتحت البلدية حديقة عامة جديدة في وسط المدينة.", "unrelated");

static int setup(void **state)
{
    (void)state;
    if (!cli_dir_open())
        return -1;
    write_file("data.jsonl", data);
    return run(NULL, "train --data data.jsonl --out m.model --iters 20") == 0 ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    return cli_dir_remove();
}

/* eval --predictions and train --dump wrote their file in place as the
 * pairs went: a write that failed half-way (a full disk; here a file size
 * limit of 1 KiB) or a kill left a truncated file where the last good one
 * was. Now each is built whole and written to a new file renamed over it,
 * as train --out writes the model: the old file is left as it was. */
static void test_outputs_written_whole(void **state)
{
    (void)state;
    static const struct {
        const char *args, *file, *msg;
    } cases[] = {
        {"eval --model m.model --data data.jsonl --predictions %s", "p.jsonl",
         "mizan eval: cannot write predictions 'p.jsonl': File too large (the old one is left as it was)"},
        {"train --data data.jsonl --dump %s", "f.csv",
         "mizan train: cannot write features 'f.csv': File too large (the old one is left as it was)"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char args[256];
        snprintf(args, sizeof args, cases[i].args, cases[i].file);
        assert_int_equal(run(NULL, "%s", args), 0);
        assert_int_equal(sh("test $(wc -c < %s) -gt 2048 && cp %s good && chmod 640 %s",
                            cases[i].file, cases[i].file, cases[i].file), 0);
        int rc = sh("(trap '' XFSZ; ulimit -f 1; %s %s 2>err.txt >/dev/null)", bin, args);
        char *err = read_back("err.txt");
        if (rc != 1 || !strstr(err, cases[i].msg))
            fail_msg("mizan %s under ulimit -f 1: exit %d: %s", args, rc, err);
        free(err);
        if (sh("cmp -s %s good", cases[i].file) != 0)
            fail_msg("mizan %s: the old %s was not kept whole", args, cases[i].file);
        assert_int_equal(sh("ls %s.tmp-* 2>/dev/null", cases[i].file), 2); /* nothing beside it */
        /* written again: replaced, with its mode */
        assert_int_equal(sh("echo old > %s && chmod 640 %s", cases[i].file, cases[i].file), 0);
        assert_int_equal(run(NULL, "%s", args), 0);
        assert_int_equal(sh("cmp -s %s good", cases[i].file), 0);
        assert_int_equal(sh("test \"$(stat -c %%a %s)\" = 640", cases[i].file), 0);
    }
    /* "-": standard output, as before; a device is written in place */
    char *out;
    assert_int_equal(run(&out, "eval --model m.model --data data.jsonl --predictions - --json"), 0);
    assert_non_null(strstr(out, "\"label\""));
    free(out);
    assert_int_equal(run(NULL, "eval --model m.model --data data.jsonl --predictions /dev/null"), 0);
    /* a folder that does not exist: said before any work, now for --dump too */
    assert_int_equal(run(&out, "train --data data.jsonl --cv --dump nodir/f.csv --iters 2"), 1);
    if (!strstr(out, "cannot write 'nodir/f.csv': No such file or directory") ||
        strstr(out, "cross-validation"))
        fail_msg("%s", out);
    free(out);
}

/* --model given a named pipe waited for ever for a writer (eval, stance,
 * check, serve); /dev/zero was read to the 64 MiB limit and refused as "over
 * the limit". A model is a file: a pipe or a device is refused unopened,
 * exit 6, as the store refuses one for the database (exit 4). */
static void test_model_not_a_file(void **state)
{
    (void)state;
    assert_int_equal(sh("mkfifo pipe.model"), 0);
    static const char *const paths[] = {"pipe.model", "/dev/zero", "/dev/null"};
    static const char *const cmds[] = {
        "eval --data data.jsonl --model %s",
        "stance --claim '" CLAIM1 "' --article data.jsonl --model %s",
        "eval-claims --data data.jsonl --model %s",
    };
    for (size_t i = 0; i < sizeof paths / sizeof *paths; i++) {
        for (size_t c = 0; c < sizeof cmds / sizeof *cmds; c++) {
            char args[512];
            snprintf(args, sizeof args, cmds[c], paths[i]);
            /* timeout: the old wait for a writer fails the test (124), not hangs it */
            int rc = sh("timeout 10 %s %s > out.txt 2>&1", bin, args);
            char *out = read_back("out.txt");
            if (rc != 6 || !strstr(out, "not a regular file (a pipe or a device), not a stance model file"))
                fail_msg("mizan %s: exit %d: %s", args, rc, out);
            free(out);
        }
    }
    /* named by $MIZAN_MODEL: the same */
    assert_int_equal(sh("MIZAN_MODEL=pipe.model timeout 10 %s eval --data data.jsonl 2>/dev/null", bin), 6);
    /* a symbolic link to a model is a regular file: read */
    assert_int_equal(sh("ln -s m.model link.model"), 0);
    assert_int_equal(run(NULL, "eval --data data.jsonl --model link.model"), 0);
}

/* A command whose JSON could not be printed (cJSON's printer out of memory)
 * printed nothing: `show --json`, `stats --json`, `search --json`,
 * `ingest --json` and `eval-claims --json` exited 0, `stance --json` and
 * `eval --json` 1, all without a word. Now each says "out of memory", exit
 * 1 (README, Exit codes). The printer is made to fail by a preloaded
 * cJSON_Print / cJSON_PrintUnformatted that return NULL, as cJSON's do when
 * an allocation fails; built here with the C compiler, skipped without one. */
static void test_json_out_of_memory(void **state)
{
    (void)state;
    write_file("nojson.c", "#include <stddef.h>\n"
                           "char *cJSON_Print(const void *j) { (void)j; return NULL; }\n"
                           "char *cJSON_PrintUnformatted(const void *j) { (void)j; return NULL; }\n");
    if (sh("${CC:-cc} -shared -fPIC -o nojson.so nojson.c 2>/dev/null") != 0)
        skip();
    write_file("arts.jsonl", "{\"text\":\"سيطر الجيش على مطار مدينة حلب بعد معارك عنيفة.\"}\n"
                             "{\"text\":\"انسحبت المعارضة من بلدة خان شيخون صباح اليوم.\"}\n");
    assert_int_equal(run(NULL, "ingest -q --db j.db arts.jsonl"), 0);
    static const char *const cmds[] = {
        "show --db j.db --json 1",
        "stats --db j.db --json",
        "search --db j.db --json حلب",
        "list --db j.db --json",
        "ingest --db j2.db --json arts.jsonl",
        "stance --json --claim '" CLAIM1 "' --article arts.jsonl --model m.model",
        "eval --json --data data.jsonl --model m.model",
        "eval-claims --json --data data.jsonl --model m.model",
        "check --json --db j.db --model m.model '" CLAIM1 "'",
        "export --db j.db",
    };
    for (size_t i = 0; i < sizeof cmds / sizeof *cmds; i++) {
        /* an ASan build would refuse a library loaded before its runtime */
        int rc = sh("ASAN_OPTIONS=\"$ASAN_OPTIONS:verify_asan_link_order=0\" LD_PRELOAD=./nojson.so "
                    "%s %s > out.txt 2> err.txt", bin, cmds[i]);
        char *out = read_back("out.txt"), *err = read_back("err.txt");
        char said[64];
        snprintf(said, sizeof said, "mizan %.*s: out of memory\n", (int)strcspn(cmds[i], " "), cmds[i]);
        if (rc != 1 || strcmp(err, said) || *out)
            fail_msg("mizan %s, JSON printer failing: exit %d, stdout '%s', stderr '%s'", cmds[i], rc,
                     out, err);
        free(out);
        free(err);
    }
}

/* The JSON reports of stats, ingest, eval, eval-claims and check (and
 * stance's cue words) did not check the calls that add their keys: out of
 * memory, a key was left out and the rest printed, exit 0 (stats without
 * "db", eval-claims without "recall_at_k", a check member without "title").
 * Each add is made to fail in turn, the first, the second, ... (every
 * step-th for the check's ~500) until a run passes them all: every run that
 * lost one must say "out of memory", exit 1, and print nothing; the run that
 * lost none prints the whole report. */
static void test_json_key_out_of_memory(void **state)
{
    (void)state;
    write_file("addfails.c", add_fails_c);
    if (sh("${CC:-cc} -shared -fPIC -o addfails.so addfails.c -ldl 2>/dev/null") != 0)
        skip();
    write_file("oom.jsonl", "{\"text\":\"سيطر الجيش على مطار مدينة حلب بعد معارك عنيفة.\"}\n"
                            "{\"text\":\"انسحبت المعارضة من بلدة خان شيخون صباح اليوم.\"}\n");
    assert_int_equal(run(NULL, "ingest -q --db oom.db oom.jsonl"), 0);
    write_file("oom-empty.txt", " \n");
    write_file("oom-denial.txt", "الجيش ينفي السيطرة على مطار حلب\n"
                                 "نفى مصدر رسمي أن الجيش يسيطر على مطار مدينة حلب، ووصف ذلك بالشائعات.\n"
                                 "وقال ناشطون إن المعارك ما زالت مستمرة حول المطار.\n");
    /* the bundled sample: voices, denials, cue words, numbers and their days */
    char root[4096];
    assert_non_null(getcwd(root, sizeof root));
    if (sh("'%s' ingest -q --db oom-sample.db '%s/sample/articles.jsonl'", bin, root) != 0)
        fail_msg("cannot ingest %s/sample/articles.jsonl", root);
    static const struct {
        const char *args, *key; /* key: the report's last, there when it is whole */
        int rc, step;           /* the exit code of the whole report; adds tried */
    } cmds[] = {
        {"stats --db oom.db --json", "\"schema_version\"", 0, 1},
        {"show --db oom.db --json 1", "\"body\"", 0, 1},
        {"list --db oom.db --json", "\"origin\"", 0, 1},
        {"search --db oom.db --json حلب", "\"snippet\"", 0, 1},
        {"ingest --db oom2.db --json oom.jsonl", "\"errors\"", 0, 1},
        /* a failed item's entry in "errors", then the report around it */
        {"ingest --db oom2.db --json --on-error skip oom.jsonl oom-empty.txt", "\"message\"", 3, 1},
        {"eval --json --data data.jsonl --model m.model", "\"ci_claims\"", 0, 1},
        {"eval-claims --json --data data.jsonl --model m.model", "\"seconds\"", 0, 1},
        {"stance --json --claim '" CLAIM1 "' --article oom-denial.txt", "\"cue_char_end\"", 0, 1},
        {"check --json --db oom-sample.db 'أفرج لواء الوادي عن 40 أسيرا من القوات الحكومية في صفقة "
         "تبادل في تل السنابل'", "\"as_written\"", 0, 7},
    };
    for (size_t i = 0; i < sizeof cmds / sizeof *cmds; i++) {
        int whole = 0;
        for (int at = 1; at < 2000 && !whole; at += cmds[i].step) {
            int rc = sh("rm -f injected oom2.db && MZ_FAIL_AT=%d "
                        "ASAN_OPTIONS=\"$ASAN_OPTIONS:verify_asan_link_order=0\" LD_PRELOAD=./addfails.so "
                        "%s %s > out.txt 2> err.txt", at, bin, cmds[i].args);
            char *out = read_back("out.txt"), *err = read_back("err.txt");
            whole = sh("test -e injected") != 0;
            if (whole ? rc != cmds[i].rc || !strstr(out, cmds[i].key)
                      : rc != 1 || *out || !strstr(err, "out of memory"))
                fail_msg("mizan %s, add #%d failing%s: exit %d, stdout '%s', stderr '%s'", cmds[i].args,
                         at, whole ? " (not reached)" : "", rc, out, err);
            free(out);
            free(err);
        }
        assert_true(whole);
    }
    /* export streams one line an article: the lines before the failure
     * stand, but none is printed without its text */
    int whole = 0;
    for (int at = 1; at < 200 && !whole; at++) {
        int rc = sh("rm -f injected && MZ_FAIL_AT=%d "
                    "ASAN_OPTIONS=\"$ASAN_OPTIONS:verify_asan_link_order=0\" LD_PRELOAD=./addfails.so "
                    "%s export --db oom.db > out.txt 2> err.txt", at, bin);
        char *out = read_back("out.txt"), *err = read_back("err.txt");
        whole = sh("test -e injected") != 0;
        size_t lines = 0, texts = 0;
        for (const char *p = out; (p = strchr(p, '\n')); p++)
            lines++;
        for (const char *p = out; (p = strstr(p, "\"text\":")); p++)
            texts++;
        if (whole ? rc != 0 || lines != 2 || texts != 2
                  : rc != 1 || texts != lines || !strstr(err, "out of memory"))
            fail_msg("mizan export, add #%d failing%s: exit %d, stdout '%s', stderr '%s'", at,
                     whole ? " (not reached)" : "", rc, out, err);
        free(out);
        free(err);
    }
    assert_true(whole);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_outputs_written_whole),
        cmocka_unit_test(test_model_not_a_file),
        cmocka_unit_test(test_json_out_of_memory),
        cmocka_unit_test(test_json_key_out_of_memory),
    };
    return cmocka_run_group_tests_name("files read and written", tests, setup, teardown);
}
