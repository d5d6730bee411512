/* test_cli.c — `mizan train`, `mizan eval` and `mizan stance` as a user runs
 * them ($MIZAN_BIN): byte-identical retraining, the --json keys, the
 * predictions file, exit codes for bad data and damaged models, and the
 * shipped model on the seed articles ($SHARED/seeds, skipped if absent). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "util/util.h"
#include "../shell_output.h"

static char dir[] = "/tmp/mizan-stance-cli-XXXXXX";
static const char *bin;

static int setup(void **state)
{
    (void)state;
    bin = getenv("MIZAN_BIN");
    if (!bin || !*bin)
        bin = "build/mizan";
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[256];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static void write_file(const char *name, const char *content)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(content, f);
    fclose(f);
}

/* The pairs of one fold of a written-news file, copied to dir/FOLD.jsonl;
 * path receives that file's name. */
static void fold_file(const char *data, const char *fold, char *path, size_t cap)
{
    char cmd[1024];
    snprintf(path, cap, "%s/%s.jsonl", dir, fold);
    snprintf(cmd, sizeof cmd, "grep '\"%s\"' %s > %s", fold, data, path);
    assert_int_equal(shell_output(cmd, NULL), 0);
}

static const char *claims[] = {"الجيش يسيطر على مطار مدينة حلب", "المعارضة تنسحب من بلدة خان شيخون"};

static void write_data(void)
{
    mz_buf b = {0};
    for (int c = 0; c < 2; c++)
        for (int rep = 0; rep < 2; rep++) {
            const char *fmt[] = {
                "{\"claim_id\":\"T-%d\",\"fold\":\"Fold_%d\",\"article_idx\":0,\"claim\":\"%s\","
                "\"article\":\"قائمة الموقع\\n%s بحسب بيان رسمي.\",\"stance\":\"agree\",\"rationale\":\"[1]\"}\n",
                "{\"claim_id\":\"T-%d\",\"fold\":\"Fold_%d\",\"article_idx\":1,\"claim\":\"%s\","
                "\"article\":\"نفت مصادر رسمية أن %s ووصفت ذلك بالشائعات.\",\"stance\":\"disagree\",\"rationale\":\"[0]\"}\n",
                "{\"claim_id\":\"T-%d\",\"fold\":\"Fold_%d\",\"article_idx\":2,\"claim\":\"%s\","
                "\"article\":\"تحدثت أنباء عن أن %s ربما.\",\"stance\":\"discuss\",\"rationale\":\"\"}\n",
                "{\"claim_id\":\"T-%d\",\"fold\":\"Fold_%d\",\"article_idx\":3,\"claim\":\"%s\","
                "\"article\":\"ارتفعت أسعار النفط %s.\",\"stance\":\"unrelated\",\"rationale\":\"\"}\n",
            };
            for (int k = 0; k < 4; k++)
                mz_buf_printf(&b, fmt[k], c, c + 1, claims[c], k == 3 ? "اليوم" : claims[c]);
        }
    write_file("data.jsonl", b.p);
    mz_buf_free(&b);
}

static void test_train_eval_roundtrip(void **state)
{
    (void)state;
    write_data();
    char cmd[2048];
    snprintf(cmd, sizeof cmd,
             "%s train --data %s/data.jsonl --out %s/a.model --iters 50 2>/dev/null && "
             "%s train --data %s/data.jsonl --out %s/b.model --iters 50 2>/dev/null && "
             "cmp %s/a.model %s/b.model",
             bin, dir, dir, bin, dir, dir, dir, dir);
    assert_int_equal(shell_output(cmd, NULL), 0);

    char *out;
    snprintf(cmd, sizeof cmd, "%s eval --data %s/data.jsonl --model %s/a.model --json --predictions %s/p.jsonl",
             bin, dir, dir, dir);
    assert_int_equal(shell_output(cmd, &out), 0);
    cJSON *j = cJSON_Parse(out);
    assert_non_null(j);
    const char *keys[] = {"accuracy", "macro_f1", "f1", "fnc_score", "confusion", "rationale_hit",
                          "pairs_per_s", "n"};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        if (!cJSON_GetObjectItemCaseSensitive(j, keys[i]))
            fail_msg("eval --json lacks '%s': %s", keys[i], out);
    assert_int_equal(cJSON_GetObjectItem(j, "n")->valueint, 16);
    assert_non_null(cJSON_GetObjectItem(cJSON_GetObjectItem(j, "f1"), "disagree"));
    assert_non_null(cJSON_GetObjectItem(cJSON_GetObjectItem(cJSON_GetObjectItem(j, "confusion"), "agree"), "unrelated"));
    /* the interval of macro-F1 over the data's claims holds the value */
    cJSON *ci = cJSON_GetObjectItem(j, "macro_f1_ci");
    assert_true(cJSON_GetArraySize(ci) == 2);
    double macro = cJSON_GetObjectItem(j, "macro_f1")->valuedouble;
    assert_true(cJSON_GetArrayItem(ci, 0)->valuedouble <= macro &&
                macro <= cJSON_GetArrayItem(ci, 1)->valuedouble);
    assert_non_null(cJSON_GetObjectItem(cJSON_GetObjectItem(j, "f1_ci"), "discuss"));
    assert_true(cJSON_GetObjectItem(j, "ci_claims")->valueint >= 2);
    cJSON_Delete(j);
    free(out);

    /* predictions: one line per pair, in input order, ids copied */
    char path[512];
    snprintf(path, sizeof path, "%s/p.jsonl", dir);
    char *text;
    size_t len;
    assert_int_equal(mz_read_file(path, 0, &text, &len, NULL), MZ_OK);
    int lines = 0;
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n"), lines++) {
        cJSON *p = cJSON_Parse(line);
        assert_non_null(p);
        assert_non_null(cJSON_GetObjectItem(p, "claim_id"));
        assert_int_equal(cJSON_GetObjectItem(p, "article_idx")->valueint, lines % 4);
        assert_non_null(cJSON_GetObjectItem(p, "label"));
        assert_non_null(cJSON_GetObjectItem(cJSON_GetObjectItem(p, "probs"), "discuss"));
        assert_true(cJSON_IsArray(cJSON_GetObjectItem(p, "evidence")));
        cJSON_Delete(p);
    }
    assert_int_equal(lines, 16);
    free(text);

    /* stance on one article with that model */
    write_file("art.txt", "قال شهود إن الجيش يسيطر على مطار مدينة حلب منذ الصباح.\n");
    snprintf(cmd, sizeof cmd, "%s stance --model %s/a.model --claim '%s' --article %s/art.txt --json", bin,
             dir, claims[0], dir);
    assert_int_equal(shell_output(cmd, &out), 0);
    j = cJSON_Parse(out);
    assert_non_null(j);
    cJSON *ev = cJSON_GetObjectItem(j, "evidence");
    assert_true(cJSON_GetArraySize(ev) >= 1);
    cJSON *e0 = cJSON_GetArrayItem(ev, 0);
    assert_int_equal(cJSON_GetObjectItem(e0, "start")->valueint, 0);
    const char *sent = "قال شهود إن الجيش يسيطر على مطار مدينة حلب منذ الصباح.";
    int cps = 0;
    for (const char *q = sent; *q; q++)
        cps += ((unsigned char)*q & 0xc0) != 0x80;
    assert_int_equal(cJSON_GetObjectItem(e0, "end")->valueint, (int)strlen(sent));
    assert_int_equal(cJSON_GetObjectItem(e0, "char_end")->valueint, cps);
    assert_string_equal(cJSON_GetObjectItem(e0, "text")->valuestring, sent);
    cJSON_Delete(j);
    free(out);

    /* the text report prints the file's sentences with controls and bidi
     * overrides blanked (the offsets still count the file's bytes) */
    write_file("esc.txt", "قال شهود إن الجيش \x1b[2J\xe2\x80\xaeيسيطر على مطار مدينة حلب منذ الصباح.\n");
    snprintf(cmd, sizeof cmd, "%s stance --model %s/a.model --claim '%s' --article %s/esc.txt", bin,
             dir, claims[0], dir);
    assert_int_equal(shell_output(cmd, &out), 0);
    assert_non_null(strstr(out, "يسيطر على مطار"));
    assert_null(strchr(out, 0x1b));
    assert_null(strstr(out, "\xe2\x80\xae"));
    free(out);

    /* the words that gave a sentence its cue: offsets in bytes and code
     * points inside the sentence, and a "cue words" line in the text report */
    const char *deny = "أكد مصدر محلي أن الطرق مفتوحة.\n"
                       "ونفى متحدث باسم الجيش أن الجيش يسيطر على مطار مدينة حلب.\n";
    write_file("deny.txt", deny);
    snprintf(cmd, sizeof cmd, "%s stance --model %s/a.model --claim '%s' --article %s/deny.txt --json",
             bin, dir, claims[0], dir);
    assert_int_equal(shell_output(cmd, &out), 0);
    j = cJSON_Parse(out);
    assert_non_null(j);
    cJSON *d = cJSON_GetObjectItem(j, "denial");
    assert_true(cJSON_IsObject(d));
    int cs = cJSON_GetObjectItem(d, "cue_start")->valueint, ce = cJSON_GetObjectItem(d, "cue_end")->valueint;
    assert_true(cs >= cJSON_GetObjectItem(d, "start")->valueint);
    assert_true(ce <= cJSON_GetObjectItem(d, "end")->valueint);
    assert_int_equal(ce - cs, (int)strlen("ونفى"));
    assert_memory_equal(deny + cs, "ونفى", strlen("ونفى"));
    int ccs = 0; /* code points before the cue */
    for (const char *q = deny; q < deny + cs; q++)
        ccs += ((unsigned char)*q & 0xc0) != 0x80;
    assert_int_equal(cJSON_GetObjectItem(d, "cue_char_start")->valueint, ccs);
    assert_int_equal(cJSON_GetObjectItem(d, "cue_char_end")->valueint, ccs + 4);
    cJSON_Delete(j);
    free(out);
    snprintf(cmd, sizeof cmd, "%s stance --model %s/a.model --claim '%s' --article %s/deny.txt",
             bin, dir, claims[0], dir);
    assert_int_equal(shell_output(cmd, &out), 0);
    assert_non_null(strstr(out, "     cue words: «ونفى»\n"));
    free(out);

    /* the same article from the store (--id): offsets into the stored body */
    snprintf(cmd, sizeof cmd,
             "%s ingest --db %s/t.db %s/art.txt >/dev/null 2>&1 && "
             "%s stance --model %s/a.model --db %s/t.db --id 1 --claim '%s' --json",
             bin, dir, dir, bin, dir, dir, claims[0]);
    assert_int_equal(shell_output(cmd, &out), 0);
    j = cJSON_Parse(out);
    assert_non_null(j);
    assert_true(cJSON_GetArraySize(cJSON_GetObjectItem(j, "evidence")) >= 1);
    cJSON_Delete(j);
    free(out);
    snprintf(cmd, sizeof cmd, "%s stance --model %s/a.model --db %s/t.db --id 42 --claim 'خبر' 2>/dev/null",
             bin, dir, dir);
    assert_int_equal(shell_output(cmd, NULL), 5);
    /* an id past int64 is a usage error, not clamped to another id */
    snprintf(cmd, sizeof cmd, "%s stance --model %s/a.model --db %s/t.db --id 99999999999999999999 "
             "--claim 'خبر' 2>&1", bin, dir, dir);
    assert_int_equal(shell_output(cmd, &out), 2);
    assert_non_null(strstr(out, "expected a positive article id"));
    free(out);
}

static void test_cli_errors(void **state)
{
    (void)state;
    char cmd[2048];
    char *out;
    /* bad data: exit 3, with the line number */
    write_file("bad.jsonl", "{\"claim\":\"خبر\",\"article\":\"نص\",\"stance\":\"agree\"}\n"
                            "{\"claim\":\"خبر\",\"article\":\"نص\",\"stance\":\"refutes\"}\n");
    snprintf(cmd, sizeof cmd, "%s train --data %s/bad.jsonl --out %s/x.model 2>&1", bin, dir, dir);
    assert_int_equal(shell_output(cmd, &out), 3);
    assert_non_null(strstr(out, "bad.jsonl:2:"));
    assert_non_null(strstr(out, "refutes"));
    free(out);
    write_file("empty.jsonl", "{\"claim\":\"\",\"article\":\"نص\",\"stance\":\"agree\"}\n");
    snprintf(cmd, sizeof cmd, "%s train --data %s/empty.jsonl --out %s/x.model 2>&1", bin, dir, dir);
    assert_int_equal(shell_output(cmd, &out), 3);
    assert_non_null(strstr(out, "empty claim"));
    free(out);
    /* --cv on data without folds: the data's fault, exit 3 (not a usage error) */
    snprintf(cmd, sizeof cmd, "sed -n 1p %s/bad.jsonl > %s/nofold.jsonl; %s train --data %s/nofold.jsonl --cv 2>&1",
             dir, dir, bin, dir);
    assert_int_equal(shell_output(cmd, &out), 3);
    assert_non_null(strstr(out, "two folds"));
    free(out);

    /* damaged or missing model: exit 6 */
    write_file("art.txt", "نص قصير.\n");
    write_file("broken.model", "mizan-stance-model 1\nfeature_set x\n");
    snprintf(cmd, sizeof cmd, "%s stance --model %s/broken.model --claim 'خبر' --article %s/art.txt 2>&1", bin,
             dir, dir);
    assert_int_equal(shell_output(cmd, &out), 6);
    assert_non_null(strstr(out, "broken.model"));
    free(out);
    snprintf(cmd, sizeof cmd, "%s eval --model %s/none.model --data %s/bad.jsonl 2>&1", bin, dir, dir);
    assert_int_equal(shell_output(cmd, NULL), 6);
    /* the same in check and eval-claims (a folder as the model gave exit 1) */
    snprintf(cmd, sizeof cmd, "%s check --model %s --db %s/t.db 'خبر' 2>/dev/null", bin, dir, dir);
    assert_int_equal(shell_output(cmd, NULL), 6);
    snprintf(cmd, sizeof cmd, "%s eval-claims --model %s --data %s/data.jsonl 2>/dev/null", bin, dir, dir);
    assert_int_equal(shell_output(cmd, NULL), 6);

    /* usage errors: exit 2 */
    snprintf(cmd, sizeof cmd, "%s stance --claim '' --article %s/art.txt 2>/dev/null", bin, dir);
    assert_int_equal(shell_output(cmd, NULL), 2);
    snprintf(cmd, sizeof cmd, "%s stance --claim 'خبر' 2>/dev/null", bin);
    assert_int_equal(shell_output(cmd, NULL), 2);
    snprintf(cmd, sizeof cmd, "%s eval 2>/dev/null", bin);
    assert_int_equal(shell_output(cmd, NULL), 2);
    snprintf(cmd, sizeof cmd, "%s train --data x --bogus 2>/dev/null", bin);
    assert_int_equal(shell_output(cmd, NULL), 2);
    /* invalid UTF-8 article: exit 3 */
    write_file("bad.txt", "\xd8\xa8\xff\n");
    snprintf(cmd, sizeof cmd, "%s stance --claim 'خبر' --article %s/bad.txt 2>&1", bin, dir);
    assert_int_equal(shell_output(cmd, &out), 3); /* checked before the model is loaded */
    assert_non_null(strstr(out, "byte offset 2"));
    free(out);
    /* an empty or blank article is bad input too, as for ingest */
    write_file("blank.txt", " \n\t\n");
    snprintf(cmd, sizeof cmd, "%s stance --claim 'خبر' --article %s/blank.txt 2>&1", bin, dir);
    assert_int_equal(shell_output(cmd, &out), 3);
    assert_non_null(strstr(out, "only white space"));
    free(out);
    /* output that cannot be written is a failure (exit 1), not a success */
    snprintf(cmd, sizeof cmd, "%s --version > /dev/full 2>/dev/null", bin);
    assert_int_equal(shell_output(cmd, NULL), 1);
    /* a missing database: exit 4, as for every command */
    snprintf(cmd, sizeof cmd, "%s stance --claim 'خبر' --id 1 --db %s/none.db 2>/dev/null", bin, dir);
    assert_int_equal(shell_output(cmd, NULL), 4);
}

/* Training data, eval-claims data and a claims file saved as UTF-16 (the
 * "Unicode" of Windows tools): ingest names the encoding and gives the
 * iconv command, but train and eval said "NUL byte at byte 1 of the line",
 * eval-claims "malformed JSON" and check --claims "NUL byte" once for every
 * line. Each now refuses the file once, as ingest does (exit 3). */
static void test_utf16_data(void **state)
{
    (void)state;
    char cmd[2048], *out;
    write_file("u8.jsonl", "{\"claim\":\"خبر\",\"article\":\"نص الخبر\",\"stance\":\"agree\","
                           "\"fact\":\"true\"}\n{\"claim\":\"خبر\",\"article\":\"نص\","
                           "\"stance\":\"agree\",\"fact\":\"true\"}\n");
    write_file("claims8.txt", "بدأت المفاوضات\nانتهت الحرب\n");
    write_file("talks.txt", "نص قصير عن المفاوضات\n");
    snprintf(cmd, sizeof cmd, "%s ingest -q --db %s/u16.db %s/talks.txt", bin, dir, dir);
    assert_int_equal(shell_output(cmd, NULL), 0); /* check --claims needs a store */
    static const struct {
        const char *to, *named; /* iconv's target, and what the message names */
    } encodings[] = {{"UTF-16LE", "UTF-16LE"}, {"UTF-16", "byte order mark"}};
    for (size_t e = 0; e < 2; e++) {
        snprintf(cmd, sizeof cmd, "cd %s && iconv -f UTF-8 -t %s u8.jsonl > u16.jsonl && "
                 "iconv -f UTF-8 -t %s claims8.txt > claims16.txt", dir, encodings[e].to,
                 encodings[e].to);
        assert_int_equal(shell_output(cmd, NULL), 0);
        static const char *const runs[] = {"eval --data %s/u16.jsonl",
                                           "train --out /dev/null --data %s/u16.jsonl",
                                           "train --cv --data %s/u16.jsonl",
                                           "eval-claims --data %s/u16.jsonl",
                                           "check --db %s/u16.db --claims %s/claims16.txt"};
        for (size_t i = 0; i < sizeof runs / sizeof *runs; i++) {
            char args[512];
            snprintf(args, sizeof args, runs[i], dir, dir);
            snprintf(cmd, sizeof cmd, "%s %s 2>&1", bin, args);
            int code = shell_output(cmd, &out);
            if (code != 3 || !strstr(out, encodings[e].named) ||
                !strstr(out, "convert it with `iconv -f UTF-16") || strstr(out, "line 2"))
                fail_msg("%s: exit %d: %s", args, code, out);
            free(out);
        }
    }
}

/* --weights: one per --data file; a file weighted down moves the model
 * (its pairs count less), a wrong count or a non-positive weight is a
 * usage error. */
static void test_train_weights(void **state)
{
    (void)state;
    write_data();
    /* the second file: the same claims with every label flipped to discuss */
    write_file("other.jsonl",
               "{\"claim\":\"الجيش يسيطر على مطار مدينة حلب\",\"article\":\"قال ناشطون إن الجيش يسيطر على مطار مدينة حلب.\",\"stance\":\"discuss\"}\n"
               "{\"claim\":\"المعارضة تنسحب من بلدة خان شيخون\",\"article\":\"أفادت أنباء بأن المعارضة تنسحب من بلدة خان شيخون.\",\"stance\":\"discuss\"}\n");
    char cmd[2048];
    snprintf(cmd, sizeof cmd,
             "%s train --data %s/data.jsonl,%s/other.jsonl --out %s/w1.model --iters 50 2>/dev/null && "
             "%s train --data %s/data.jsonl,%s/other.jsonl --weights 1,1 --out %s/w11.model --iters 50 2>/dev/null && "
             "cmp -s %s/w1.model %s/w11.model",
             bin, dir, dir, dir, bin, dir, dir, dir, dir, dir);
    assert_int_equal(shell_output(cmd, NULL), 0); /* weights of 1 are the default */
    snprintf(cmd, sizeof cmd,
             "%s train --data %s/data.jsonl,%s/other.jsonl --weights 1,0.01 --out %s/w2.model --iters 50 2>/dev/null && "
             "cmp -s %s/w1.model %s/w2.model",
             bin, dir, dir, dir, dir, dir);
    assert_int_equal(shell_output(cmd, NULL), 1); /* trained, and the model differs */
    const char *bad[] = {"1", "1,1,1", "1,0", "1,-2", "1,x", "1,,1"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        char *out;
        snprintf(cmd, sizeof cmd, "%s train --data %s/data.jsonl,%s/other.jsonl --weights '%s' --out %s/w3.model 2>&1",
                 bin, dir, dir, bad[i], dir);
        assert_int_equal(shell_output(cmd, &out), 2);
        assert_non_null(strstr(out, "--weights"));
        free(out);
    }
}

/* The shipped model on clean written news (data/written/test.jsonl, fold
 * Clean_2: events held out from every choice of settings). A model trained
 * on the web scrapes alone scored macro-F1 0.33 on such text, calling plain
 * reports "disagree" (README, "Clean text"); the floor sits below today's
 * score so that a retrained model may move, but not fall back. */
static void test_written_news(void **state)
{
    (void)state;
    if (access("models/stance.model", R_OK) != 0 || access("data/written/test.jsonl", R_OK) != 0) {
        skip();
        return;
    }
    char cmd[1024], *out;
    /* the held-out half, then the sets written to other briefs (fact-checks;
     * long roundups; the held-out half of the hard cases: contrary facts,
     * conflicting accounts, the claim's names in another event; and its fresh
     * third, written after the last change of features) */
    char held[512], hard[512], hard3[512], conflict[512];
    fold_file("data/written/test.jsonl", "Clean_2", held, sizeof held);
    fold_file("data/written/hard.jsonl", "Hard_2", hard, sizeof hard);
    fold_file("data/written/hard.jsonl", "Hard_3", hard3, sizeof hard3);
    const char *sets[] = {held, "data/written/factcheck.jsonl", "data/written/roundup.jsonl", hard,
                          hard3};
    const int n_pairs[] = {72, 112, 256, 256, 256};
    for (int i = 0; i < 5; i++) {
        snprintf(cmd, sizeof cmd, "%s eval --data %s --json", bin, sets[i]);
        assert_int_equal(shell_output(cmd, &out), 0);
        cJSON *j = cJSON_Parse(out);
        assert_non_null(j);
        assert_int_equal(cJSON_GetObjectItem(j, "n")->valueint, n_pairs[i]);
        double macro = cJSON_GetObjectItem(j, "macro_f1")->valuedouble;
        static const char *const names[] = {"written news, held-out half", "fact-check set",
                                            "roundups", "hard cases, held-out half",
                                            "hard cases, fresh third"};
        printf("# %s: macro-F1 %.3f\n", names[i], macro);
        assert_true(macro >= 0.60);
        if (i == 0) { /* every class of the held-out half */
            cJSON *f1 = cJSON_GetObjectItem(j, "f1");
            const char *cls[] = {"agree", "disagree", "discuss", "unrelated"};
            for (int k = 0; k < 4; k++)
                assert_true(cJSON_GetObjectItem(f1, cls[k])->valuedouble >= 0.40);
        }
        cJSON_Delete(j);
        free(out);
    }
    /* conflicting accounts against denials (data/written/conflict.jsonl, fold
     * Conflict_2: written after the conflict and accusation cues, held out): no
     * unrelated pairs there, so accuracy; the model before the cues got 0.58 */
    fold_file("data/written/conflict.jsonl", "Conflict_2", conflict, sizeof conflict);
    snprintf(cmd, sizeof cmd, "%s eval --data %s --json", bin, conflict);
    assert_int_equal(shell_output(cmd, &out), 0);
    cJSON *j = cJSON_Parse(out);
    assert_non_null(j);
    double acc = cJSON_GetObjectItem(j, "accuracy")->valuedouble;
    printf("# conflicting accounts: accuracy %.3f\n", acc);
    assert_true(acc >= 0.75);
    /* and the denials stay denials */
    assert_true(cJSON_GetObjectItem(cJSON_GetObjectItem(j, "f1"), "disagree")->valuedouble >= 0.6);
    cJSON_Delete(j);
    free(out);
}

/* The lead decides what a denial means: an article that opens with the
 * claim and quotes the denial at the end reports the claim (quoted_denial,
 * never "disagree"); the same denial in the headline is the denial's report. */
static void test_quoted_denial(void **state)
{
    (void)state;
    if (access("models/stance.model", R_OK) != 0) {
        skip();
        return;
    }
    static const char *claim = "أغلقت السلطات معبر الريحان الحدودي أمام الشاحنات";
    write_file("report.txt",
               "السلطات تغلق معبر الريحان الحدودي أمام الشاحنات\n"
               "أغلقت السلطات صباح اليوم معبر الريحان الحدودي أمام حركة الشاحنات، وفق ما أفاد سائقون عالقون على الطريق.\n"
               "وقال أحد السائقين إن طابورا من نحو مئتي شاحنة تشكل منذ الفجر، وإن عناصر الجمارك أبلغوهم بقرار الإغلاق.\n"
               "في المقابل، نفت وزارة الداخلية إغلاق معبر الريحان أمام الشاحنات، مؤكدة أن الأنباء لا أساس لها من الصحة.\n");
    write_file("denial.txt",
               "الداخلية تنفي إغلاق معبر الريحان الحدودي أمام الشاحنات\n"
               "نفت وزارة الداخلية إغلاق معبر الريحان الحدودي أمام الشاحنات، مؤكدة أن الأنباء لا أساس لها من الصحة.\n"
               "وقال المتحدث باسم الوزارة إن الحركة تسير بشكل طبيعي وإن الازدحام سببه أعمال صيانة.\n");
    char cmd[1024], *out;
    snprintf(cmd, sizeof cmd, "%s stance --json --claim '%s' --article %s/report.txt", bin, claim, dir);
    assert_int_equal(shell_output(cmd, &out), 0);
    cJSON *j = cJSON_Parse(out);
    assert_non_null(j);
    assert_true(cJSON_IsTrue(cJSON_GetObjectItem(j, "quoted_denial")));
    assert_true(cJSON_IsFalse(cJSON_GetObjectItem(j, "lead_denial")));
    assert_string_not_equal(cJSON_GetObjectItem(j, "label")->valuestring, "disagree");
    assert_true(cJSON_GetObjectItem(cJSON_GetObjectItem(j, "probs"), "disagree")->valuedouble == 0);
    assert_true(cJSON_IsObject(cJSON_GetObjectItem(j, "denial"))); /* still shown */
    cJSON_Delete(j);
    free(out);
    snprintf(cmd, sizeof cmd, "%s stance --json --claim '%s' --article %s/denial.txt", bin, claim, dir);
    assert_int_equal(shell_output(cmd, &out), 0);
    j = cJSON_Parse(out);
    assert_non_null(j);
    assert_true(cJSON_IsFalse(cJSON_GetObjectItem(j, "quoted_denial")));
    assert_true(cJSON_IsTrue(cJSON_GetObjectItem(j, "lead_denial")));
    assert_string_equal(cJSON_GetObjectItem(j, "label")->valuestring, "disagree");
    cJSON_Delete(j);
    free(out);
}

/* An election story that leads with the electoral commission's denial of
 * fraud and goes on to give the turnout: for a claim on the turnout the
 * denial is of another matter (it shares only «الانتخابات البرلمانية»), so
 * it is neither the lead's denial nor the sentence quoted as the claim's,
 * and the model does not read it as a denial. */
static void test_denial_of_another_matter(void **state)
{
    (void)state;
    if (access("models/stance.model", R_OK) != 0) {
        skip();
        return;
    }
    write_file("election.txt",
               "المفوضية تنفي التزوير وتعلن نسبة المشاركة\n"
               "نفت المفوضية العليا للانتخابات وجود أي تزوير في نتائج الانتخابات البرلمانية التي جرت يوم "
               "الأحد، مؤكدة أن الفرز جرى بحضور المراقبين.\n"
               "وقال رئيس المفوضية في مؤتمر صحفي إن نسبة المشاركة في الانتخابات البرلمانية بلغت 41.3% "
               "من الناخبين المسجلين.\n"
               "وأضاف أن المفوضية ستعلن النتائج النهائية في 13 نوفمبر بعد النظر في الطعون.\n");
    static const char *const claims[] = {"بلغت نسبة المشاركة في الانتخابات البرلمانية 41.3%",
                                         "أعلنت المفوضية النتائج في 13 نوفمبر"};
    for (size_t i = 0; i < 2; i++) {
        char cmd[1024], *out;
        snprintf(cmd, sizeof cmd, "%s stance --json --claim '%s' --article %s/election.txt", bin,
                 claims[i], dir);
        assert_int_equal(shell_output(cmd, &out), 0);
        cJSON *j = cJSON_Parse(out);
        assert_non_null(j);
        assert_true(cJSON_IsFalse(cJSON_GetObjectItem(j, "lead_denial")));
        assert_true(cJSON_IsNull(cJSON_GetObjectItem(j, "denial")));
        /* nor is it evidence named a denial (the check said "carries a
         * denial" and quoted it for the date) */
        cJSON *e;
        cJSON_ArrayForEach(e, cJSON_GetObjectItem(j, "evidence"))
        {
            if (strstr(cJSON_GetObjectItem(e, "text")->valuestring, "نفت المفوضية"))
                assert_string_not_equal(cJSON_GetObjectItem(e, "cue")->valuestring, "denial");
        }
        /* the turnout stated plainly is not disagreement (it was 0.78) */
        if (i == 0)
            assert_string_not_equal(cJSON_GetObjectItem(j, "label")->valuestring, "disagree");
        cJSON_Delete(j);
        free(out);
    }
}

/* A saved web page as --article: the story is read, not the markup, and
 * its <title> is the title the model reads. */
static void test_html_article(void **state)
{
    (void)state;
    write_file("page.html",
               "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>تبادل للأسرى في تل "
               "السنابل</title><script>var s = \"نفى اللواء\";</script></head><body>"
               "<nav>الرئيسية | رياضة</nav><article><p>أفرج لواء الوادي يوم الجمعة عن 40 أسيرا من "
               "عناصر القوات الحكومية في مدينة تل السنابل.</p><p>وقال مصدر في لجنة الوساطة إن "
               "الصفقة جرت &amp; انتهت بهدوء.</p></article></body></html>\n");
    char cmd[1024];
    char *out;
    snprintf(cmd, sizeof cmd,
             "%s stance --json --claim 'أفرج لواء الوادي عن 40 أسيرا في تل السنابل' --article "
             "%s/page.html 2>&1",
             bin, dir);
    int rc = shell_output(cmd, &out);
    if (rc != 6) { /* 6 only if no shipped model is found */
        assert_int_equal(rc, 0);
        assert_non_null(strstr(out, "\"label\":\t\"agree\""));
        assert_non_null(strstr(out, "أفرج لواء الوادي يوم الجمعة عن 40 أسيرا"));
        assert_null(strstr(out, "<p>"));
        assert_null(strstr(out, "نفى اللواء")); /* the script's text is not the article's */
    }
    free(out);
}

/* The shipped model on the seed articles (one story, five outlets). */
static void test_seeds(void **state)
{
    (void)state;
    const char *shared = getenv("SHARED");
    char path[512];
    snprintf(path, sizeof path, "%s/seeds", shared ? shared : "../shared");
    if (access(path, R_OK) != 0 || access("models/stance.model", R_OK) != 0) {
        skip(); /* no ../shared/seeds or no shipped model: nothing to check */
        return;
    }
    static const char *claim = "قوات سوريا الديمقراطية تتفاوض مع تنظيم داعش لتأمين خروج مقاتليه من الرقة";
    static const char *expect[] = {"agree|discuss", "disagree", "", "agree|discuss", "agree|discuss"};
    char cmd[1024];
    for (int i = 0; i < 5; i++) {
        snprintf(cmd, sizeof cmd, "ls %s/%03d_*.txt", path, i);
        char *file;
        if (shell_output(cmd, &file) != 0) {
            free(file);
            continue;
        }
        file[strcspn(file, "\n")] = '\0';
        char *out;
        snprintf(cmd, sizeof cmd, "%s stance --claim '%s' --article '%s' --json", bin, claim, file);
        assert_int_equal(shell_output(cmd, &out), 0);
        cJSON *j = cJSON_Parse(out);
        assert_non_null(j);
        const char *label = cJSON_GetObjectItem(j, "label")->valuestring;
        /* every seed is about the claim's event */
        assert_string_not_equal(label, "unrelated");
        bool as_expected = !expect[i][0] || strstr(expect[i], label);
        printf("# seed %03d: %s (expected %s)%s\n", i, label, expect[i][0] ? expect[i] : "any",
               as_expected ? "" : "  <- model disagrees with the expectation (reported, not forced)");
        if (i == 1) {
            /* the SDF's denial is among the evidence, named as a denial */
            cJSON *e;
            bool denial = false;
            cJSON_ArrayForEach(e, cJSON_GetObjectItem(j, "evidence"))
            {
                const char *t = cJSON_GetObjectItem(e, "text")->valuestring;
                if (strstr(t, "نفت") && !strcmp(cJSON_GetObjectItem(e, "cue")->valuestring, "denial"))
                    denial = true;
            }
            assert_true(denial);
            /* and it is the article's denial sentence, the headline's too */
            cJSON *d = cJSON_GetObjectItem(j, "denial");
            assert_true(cJSON_IsObject(d));
            assert_non_null(strstr(cJSON_GetObjectItem(d, "text")->valuestring, "نفت"));
            assert_true(cJSON_IsTrue(cJSON_GetObjectItem(j, "lead_denial")));
            assert_true(cJSON_IsFalse(cJSON_GetObjectItem(j, "quoted_denial")));
        }
        if (i == 0 || i == 4) {
            /* they report the talks and quote the SDF's denial further down:
             * the denial is shown, but it is not their lead */
            assert_true(cJSON_IsObject(cJSON_GetObjectItem(j, "denial")));
            assert_true(cJSON_IsFalse(cJSON_GetObjectItem(j, "lead_denial")));
            /* their leads state the talks: a report quoting a denial */
            assert_true(cJSON_IsTrue(cJSON_GetObjectItem(j, "quoted_denial")));
            assert_string_not_equal(label, "disagree");
        }
        cJSON_Delete(j);
        free(out);
        free(file);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_train_eval_roundtrip),
        cmocka_unit_test(test_cli_errors),
        cmocka_unit_test(test_utf16_data),
        cmocka_unit_test(test_html_article),
        cmocka_unit_test(test_train_weights),
        cmocka_unit_test(test_quoted_denial),
        cmocka_unit_test(test_denial_of_another_matter),
        cmocka_unit_test(test_written_news),
        cmocka_unit_test(test_seeds),
    };
    return cmocka_run_group_tests_name("stance cli", tests, setup, teardown);
}
