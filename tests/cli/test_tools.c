/* test_tools.c — the researcher's commands (train, eval, eval-claims,
 * search, show, export, delete) run as a user runs them ($MIZAN_BIN): what
 * they make of odd data files, lists of files, flags and output that cannot
 * be written; each test is a bug found by hunting these commands. */
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

static char dir[] = "/tmp/mizan-tools-XXXXXX";
static const char *bin;
#include "../cli_run.h" /* cli_dir_open/remove, run(), sh(), write_file(), read_back() */

/* Two claims, four pairs each, one per label (written for these tests). */
#define PAIR(id, idx, claim, article, stance)                                                   \
    "{\"claim_id\":\"" id "\",\"fold\":\"Fold_" id "\",\"article_idx\":" #idx ",\"claim\":\"" \
    claim "\",\"article\":\"" article "\",\"stance\":\"" stance "\",\"fact\":\"false\"}\n"
#define CLAIM1 "الجيش يسيطر على مطار مدينة حلب"
#define CLAIM2 "المعارضة تنسحب من بلدة خان شيخون"
static const char data[] =
    PAIR("1", 0, CLAIM1, "قال مصدر عسكري إن " CLAIM1 " بعد معارك عنيفة.", "agree")
    PAIR("1", 1, CLAIM1, "نفى مصدر رسمي أن " CLAIM1 " ووصف ذلك بالشائعات.", "disagree")
    PAIR("1", 2, CLAIM1, "تحدثت أنباء غير مؤكدة عن أن " CLAIM1 " ربما.", "discuss")
    PAIR("1", 3, CLAIM1, "ارتفعت أسعار الخبز في أسواق المدينة اليوم.", "unrelated")
    PAIR("2", 0, CLAIM2, "أكدت مصادر محلية أن " CLAIM2 " منذ الصباح.", "agree")
    PAIR("2", 1, CLAIM2, "نفت فصائل المعارضة أنها تنسحب من بلدة خان شيخون.", "disagree")
    PAIR("2", 2, CLAIM2, "يقول ناشطون إن " CLAIM2 " ولم يتسن التحقق من ذلك.", "discuss")
    PAIR("2", 3, CLAIM2, "افتتحت البلدية حديقة عامة جديدة في وسط المدينة.", "unrelated");

/* Two articles for a store (written for these tests). */
static const char arts[] = "{\"text\":\"سيطر الجيش على مطار مدينة حلب بعد معارك عنيفة.\"}\n"
                           "{\"text\":\"انسحبت المعارضة من بلدة خان شيخون صباح اليوم.\"}\n";

static int setup(void **state)
{
    (void)state;
    if (!cli_dir_open())
        return -1;
    write_file("data.jsonl", data);
    /* a small model for eval: a few iterations are enough to run */
    return run(NULL, "train --data data.jsonl --out m.model --iters 20") == 0 ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    return cli_dir_remove();
}

/* One line of data.jsonl (1-based), without its newline, into buf. */
static const char *line_of(int k, char *buf, size_t cap)
{
    const char *p = data;
    for (int i = 1; i < k; i++)
        p = strchr(p, '\n') + 1;
    size_t n = (size_t)(strchr(p, '\n') - p);
    assert_true(n < cap);
    memcpy(buf, p, n);
    buf[n] = '\0';
    return buf;
}

/* A line that holds two objects (two pairs pasted together, a lost newline)
 * or an object and then anything: cJSON read the first object and the rest
 * was dropped without a word, so eval counted 1 pair of 2 and train
 * trained on half the data. Now the line is refused with its number. */
static void test_text_after_object(void **state)
{
    (void)state;
    char a[1024], b[1024], buf[4096];
    snprintf(buf, sizeof buf, "%s\n%s%s\n", line_of(1, a, sizeof a), line_of(2, a, sizeof a),
             line_of(3, b, sizeof b));
    write_file("glued.jsonl", buf);
    const char *cmds[] = {"eval --model m.model --data glued.jsonl",
                          "train --data glued.jsonl --out x.model --iters 2",
                          "eval-claims --model m.model --data glued.jsonl"};
    for (size_t i = 0; i < sizeof cmds / sizeof *cmds; i++) {
        char *out;
        assert_int_equal(run(&out, "%s", cmds[i]), 3);
        assert_non_null(strstr(out, "glued.jsonl"));
        assert_non_null(strstr(out, "2: text after the JSON object"));
        free(out);
    }
    snprintf(buf, sizeof buf, "%s trailing words\n", line_of(1, a, sizeof a));
    write_file("trailing.jsonl", buf);
    assert_int_equal(run(NULL, "eval --model m.model --data trailing.jsonl"), 3);
    /* white space after the object is fine (CRLF ends) */
    snprintf(buf, sizeof buf, "%s \t\r\n%s\r\n", line_of(1, a, sizeof a), line_of(2, b, sizeof b));
    write_file("crlf.jsonl", buf);
    char *out;
    assert_int_equal(run(&out, "eval --model m.model --data crlf.jsonl --json"), 0);
    assert_non_null(strstr(out, "\"n\":2,"));
    free(out);
}

/* A raw NUL byte in a line: cJSON stopped there, and the message blamed
 * "invalid UTF-8 at byte 0" of a field. Now it names the NUL and where. */
static void test_nul_byte(void **state)
{
    (void)state;
    char a[1024], buf[2048];
    line_of(1, a, sizeof a);
    size_t n = strlen(a);
    memcpy(buf, a, 40);
    buf[40] = '\0';
    memcpy(buf + 41, a + 40, n - 40);
    buf[n + 1] = '\n';
    write_bytes("nul.jsonl", buf, n + 2);
    char *out;
    assert_int_equal(run(&out, "eval --model m.model --data nul.jsonl"), 3);
    assert_non_null(strstr(out, "nul.jsonl:1: NUL byte at byte 40"));
    free(out);
}

/* A data file over 2 GiB is refused by its size, before any of it is read,
 * by the three commands that read labelled data whole; eval-claims read it
 * with no limit at all (a sparse 2 GiB + 1 file: 2 GiB of memory, then
 * "malformed JSON"; a device such as /dev/zero until memory ran out). */
static void test_data_over_limit(void **state)
{
    (void)state;
    assert_int_equal(sh("truncate -s 2147483649 big.jsonl"), 0);
    const char *cmds[] = {"eval-claims --model m.model --data big.jsonl",
                          "eval --model m.model --data big.jsonl",
                          "train --data big.jsonl --out x.model --iters 2"};
    for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
        char *out;
        assert_int_equal(run(&out, "%s", cmds[i]), 3);
        if (!strstr(out, "big.jsonl: 2147483649 bytes, over the limit of 2147483648 bytes"))
            fail_msg("%s: %s", cmds[i], out);
        free(out);
    }
    assert_int_equal(sh("rm big.jsonl"), 0);
}

/* A claim over the limit in eval data was exit 2 ("usage"), found only
 * when its pair came to be predicted; now it is bad input, exit 3, found
 * when the file is read (train too: eval would refuse such a claim). */
static void test_long_claim(void **state)
{
    (void)state;
    mz_buf b = {0};
    mz_buf_puts(&b, "{\"claim\":\"");
    for (int i = 0; i < 300; i++)
        mz_buf_puts(&b, "الجيش يسيطر على المطار ");
    mz_buf_puts(&b, "\",\"article\":\"نص الخبر.\",\"stance\":\"agree\"}\n");
    write_file("long.jsonl", b.p);
    mz_buf_free(&b);
    char *out;
    assert_int_equal(run(&out, "eval --model m.model --data long.jsonl"), 3);
    assert_non_null(strstr(out, "long.jsonl:1: the claim is 6900 characters long"));
    free(out);
    assert_int_equal(run(NULL, "train --data long.jsonl --out x.model --iters 2"), 3);
}

/* Labels: any letter case (documented) and now blanks around them, as a
 * spreadsheet export leaves ("unrelated "); other words are refused with
 * the line number. */
static void test_labels(void **state)
{
    (void)state;
    write_file("labels.jsonl",
               "{\"claim\":\"" CLAIM1 "\",\"article\":\"قال مصدر إن " CLAIM1 ".\",\"stance\":\"Agree\"}\n"
               "{\"claim\":\"" CLAIM1 "\",\"article\":\"ارتفعت الأسعار.\",\"stance\":\"unrelated \"}\n"
               "{\"claim\":\"" CLAIM1 "\",\"article\":\"نفى مصدر ذلك.\",\"stance\":\" DISAGREE\\t\"}\n");
    char *out;
    assert_int_equal(run(&out, "eval --model m.model --data labels.jsonl --json"), 0);
    cJSON *j = cJSON_Parse(out);
    assert_non_null(j);
    cJSON *conf = cJSON_GetObjectItem(j, "confusion");
    int per_gold[4] = {0};
    const char *cls[] = {"agree", "disagree", "discuss", "unrelated"};
    for (int g = 0; g < 4; g++)
        for (int p = 0; p < 4; p++)
            per_gold[g] += cJSON_GetObjectItem(cJSON_GetObjectItem(conf, cls[g]), cls[p])->valueint;
    assert_int_equal(per_gold[0], 1);
    assert_int_equal(per_gold[1], 1);
    assert_int_equal(per_gold[3], 1);
    cJSON_Delete(j);
    free(out);
    write_file("arlabel.jsonl", "{\"claim\":\"" CLAIM1 "\",\"article\":\"نص.\",\"stance\":\"agree\"}\n"
                                "{\"claim\":\"" CLAIM1 "\",\"article\":\"نص.\",\"stance\":\"يتفق\"}\n");
    assert_int_equal(run(&out, "eval --model m.model --data arlabel.jsonl"), 3);
    assert_non_null(strstr(out, "arlabel.jsonl:2: unknown stance 'يتفق'"));
    free(out);
}

/* Numbers out of range: a fold or rationale index of 1e300 was cast to int
 * (undefined behaviour; UBSan's float-cast-overflow stops there). Now
 * refused with the line number. */
static void test_numbers_out_of_range(void **state)
{
    (void)state;
    write_file("fold.jsonl", "{\"claim\":\"" CLAIM1 "\",\"article\":\"نص.\",\"stance\":\"agree\",\"fold\":1e300}\n");
    char *out;
    assert_int_equal(run(&out, "eval --model m.model --data fold.jsonl"), 3);
    assert_non_null(strstr(out, "fold.jsonl:1: bad 'fold'"));
    free(out);
    write_file("rat.jsonl", "{\"claim\":\"" CLAIM1 "\",\"article\":\"نص.\",\"stance\":\"agree\",\"rationale\":[1e300]}\n");
    assert_int_equal(run(&out, "eval --model m.model --data rat.jsonl"), 3);
    assert_non_null(strstr(out, "rat.jsonl:1: bad 'rationale'"));
    free(out);
}

/* Numbers on the command line: -k " 5" and "+5" were taken by search (and
 * by check and eval-claims, which also took them from strtol), while the
 * HTTP API refused k=" 5"; --lex-bits "" was 0 and " 3" 3; serve's --port
 * took " 80". Every numeric flag takes decimal digits alone, as the API. */
static void test_numeric_flags_strict(void **state)
{
    (void)state;
    static const char *const flags[] = {
        "search --db none.db -k '%s' x", "check --db none.db -k '%s' x",
        "eval-claims --data none.jsonl -k '%s'", "train --data none.jsonl --cv --lex-bits '%s'",
        "train --data none.jsonl --cv --iters '%s'", "serve --db none.db --port '%s'",
        "serve --db none.db --threads '%s'", "serve --db none.db --max-body '%s'",
        "serve --db none.db --per-ip-limit '%s'", "ingest --db none.db --max-bytes '%s' k.txt"};
    static const char *const bad[] = {" 5", "+5", "", "5 ", "-5", "0x5", "1e1"};
    for (size_t f = 0; f < sizeof flags / sizeof *flags; f++)
        for (size_t b = 0; b < sizeof bad / sizeof *bad; b++) {
            char args[256], *out;
            snprintf(args, sizeof args, flags[f], bad[b]);
            int code = run(&out, "%s", args);
            if (code != 2 || !strstr(out, "see 'mizan"))
                fail_msg("%s: exit %d: %s", args, code, out);
            free(out);
        }
    /* digits alone still do, leading zeros too */
    write_file("k.txt", "عنوان\nبدأت جولة جديدة من المفاوضات في جنيف.\n");
    assert_int_equal(run(NULL, "ingest -q --db k.db k.txt"), 0);
    char *out;
    assert_int_equal(run(&out, "search --db k.db -k 05 المفاوضات"), 0);
    assert_non_null(strstr(out, "جنيف"));
    free(out);
}

/* --predictions copies claim_id and article_idx as the line gives them: a
 * numeric claim_id came out as the string "12", a string article_idx ("7")
 * or a negative one was left out. */
static void test_predictions_copy_ids(void **state)
{
    (void)state;
    write_file("ids.jsonl",
               "{\"claim_id\":12,\"article_idx\":\"7\",\"claim\":\"" CLAIM1 "\",\"article\":\"نص.\",\"stance\":\"agree\"}\n"
               "{\"claim_id\":\"R-3\",\"article_idx\":-1,\"claim\":\"" CLAIM1 "\",\"article\":\"نص.\",\"stance\":\"agree\"}\n"
               "{\"claim\":\"" CLAIM1 "\",\"article\":\"نص.\",\"stance\":\"agree\"}\n");
    assert_int_equal(run(NULL, "eval --model m.model --data ids.jsonl --predictions p.jsonl"), 0);
    char *text = read_back("p.jsonl");
    char *save = NULL;
    char *l1 = strtok_r(text, "\n", &save), *l2 = strtok_r(NULL, "\n", &save),
         *l3 = strtok_r(NULL, "\n", &save);
    assert_non_null(l3);
    assert_null(strtok_r(NULL, "\n", &save));
    cJSON *j = cJSON_Parse(l1);
    assert_true(cJSON_IsNumber(cJSON_GetObjectItem(j, "claim_id")));
    assert_int_equal(cJSON_GetObjectItem(j, "claim_id")->valueint, 12);
    assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(j, "article_idx")), "7");
    cJSON_Delete(j);
    j = cJSON_Parse(l2);
    assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(j, "claim_id")), "R-3");
    assert_int_equal(cJSON_GetObjectItem(j, "article_idx")->valueint, -1);
    cJSON_Delete(j);
    j = cJSON_Parse(l3); /* absent stays absent */
    assert_null(cJSON_GetObjectItem(j, "claim_id"));
    assert_null(cJSON_GetObjectItem(j, "article_idx"));
    assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(j, "gold")), "agree");
    cJSON_Delete(j);
    free(text);
}

/* --data FILE,FILE2...: an empty file in the list was read as nothing and
 * the run went on; a trailing or doubled comma was skipped, and "--data ,"
 * evaluated no pairs at all with exit 0 (n 0, every score 0); a file named
 * twice counted its pairs twice. Now: empty name or repeated file, exit 2;
 * an empty file, exit 3 wherever it stands in the list. */
static void test_data_lists(void **state)
{
    (void)state;
    write_file("empty.jsonl", "");
    write_file("blank.jsonl", "\n  \r\n");
    static const struct {
        const char *list;
        int rc;
        const char *msg;
    } cases[] = {
        {",", 2, "empty file name"},
        {"", 2, "empty file name"},
        {"data.jsonl,", 2, "empty file name"},
        {",data.jsonl", 2, "empty file name"},
        {"data.jsonl,,data.jsonl", 2, "empty file name"},
        {"data.jsonl,data.jsonl", 2, "given twice"},
        {"data.jsonl,./data.jsonl", 2, "given twice"},
        {"data.jsonl,empty.jsonl", 3, "empty.jsonl: no claim"},
        {"data.jsonl,blank.jsonl", 3, "blank.jsonl: no claim"},
        {"data.jsonl,missing.jsonl", 5, "missing.jsonl: no such file"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const char *cmds[] = {"eval --model m.model --data '%s'", "train --out x.model --iters 2 --data '%s'"};
        for (int c = 0; c < 2; c++) {
            char fmt[256], *out;
            snprintf(fmt, sizeof fmt, cmds[c], cases[i].list);
            int rc = run(&out, "%s", fmt);
            if (rc != cases[i].rc || !strstr(out, cases[i].msg))
                fail_msg("%s: exit %d, expected %d with '%s': %s", fmt, rc, cases[i].rc, cases[i].msg, out);
            free(out);
        }
    }
    /* two different files: both read */
    char *out;
    assert_int_equal(sh("cp data.jsonl data2.jsonl"), 0);
    assert_int_equal(run(&out, "eval --model m.model --data data.jsonl,data2.jsonl --json"), 0);
    assert_non_null(strstr(out, "\"n\":16,"));
    free(out);
}

/* train --out wrote the new model over the old one in place: a write that
 * failed half-way (a full disk; here a file size limit) left a truncated
 * file and the old model was lost. Now the new model is written beside it
 * and renamed over it, so a failure leaves the old one as it was. */
static void test_out_keeps_old_model(void **state)
{
    (void)state;
    assert_int_equal(sh("cp m.model keep.model && chmod 640 keep.model"), 0);
    assert_int_equal(sh("(trap '' XFSZ; ulimit -f 1; %s train --data data.jsonl --out keep.model "
                        "--iters 2 2>err.txt); test $? -eq 1", bin), 0);
    char *err = read_back("err.txt");
    assert_non_null(strstr(err, "cannot write model 'keep.model'"));
    assert_non_null(strstr(err, "the old one is left as it was"));
    free(err);
    assert_int_equal(sh("cmp -s keep.model m.model"), 0);      /* whole */
    assert_int_equal(sh("ls keep.model.tmp-* 2>/dev/null"), 2); /* nothing left beside it */
    assert_int_equal(run(NULL, "eval --model keep.model --data data.jsonl"), 0);
    /* a successful write replaces it, keeping its mode */
    assert_int_equal(run(NULL, "train --data data.jsonl --out keep.model --iters 3"), 0);
    assert_int_equal(sh("cmp -s keep.model m.model"), 1);
    assert_int_equal(sh("test \"$(stat -c %%a keep.model)\" = 640"), 0);
    /* through a symbolic link: the file it points to is replaced */
    assert_int_equal(sh("ln -s keep.model link.model"), 0);
    assert_int_equal(run(NULL, "train --data data.jsonl --out link.model --iters 20"), 0);
    assert_int_equal(sh("test -L link.model && cmp -s keep.model m.model"), 0);
    /* a missing folder: exit 1, named */
    char *out;
    assert_int_equal(run(&out, "train --data data.jsonl --out nodir/x.model --iters 2"), 1);
    assert_non_null(strstr(out, "cannot write model 'nodir/x.model': No such file or directory"));
    free(out);
}

/* An output that cannot be written was found only when written, after the
 * work: `train --cv --out nodir/x.model` printed the whole cross-validation
 * (26 s on baly2018) then failed; eval read and scored all its data first,
 * and a bad data line hid the bad output path behind exit 3. Now both are
 * said before any work: exit 1, the message the late write gave, no report. */
static void test_output_checked_first(void **state)
{
    (void)state;
    write_file("bad.jsonl", "{\"claim\": \"الجيش يسيطر على المطار\"}\n"); /* no article */
    static const struct {
        const char *args, *msg;
    } cases[] = {
        {"train --data data.jsonl --cv --out nodir/x.model --iters 2",
         "mizan train: cannot write model 'nodir/x.model': No such file or directory\n"},
        {"train --data bad.jsonl --out nodir/x.model", "cannot write model 'nodir/x.model'"},
        {"train --data data.jsonl --cv --out . --iters 2", "cannot write model '.': Is a directory"},
        {"train --data data.jsonl --out data.jsonl/x --iters 2", "Not a directory"},
        {"eval --model m.model --data bad.jsonl --predictions nodir/p.jsonl",
         "mizan eval: cannot write 'nodir/p.jsonl': No such file or directory\n"},
        {"eval --model m.model --data data.jsonl --predictions .", "cannot write '.': Is a directory"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *out;
        int rc = run(&out, "%s", cases[i].args);
        if (rc != 1 || !strstr(out, cases[i].msg) || strstr(out, "cross-validation") ||
            strstr(out, "bad.jsonl:1"))
            fail_msg("mizan %s: exit %d: %s", cases[i].args, rc, out);
        free(out);
    }
    /* a file that exists, and a new one beside it, are written as before */
    assert_int_equal(run(NULL, "eval --model m.model --data data.jsonl --predictions p1.jsonl"), 0);
    assert_int_equal(run(NULL, "eval --model m.model --data data.jsonl --predictions p1.jsonl"), 0);
    assert_int_equal(run(NULL, "train --data data.jsonl --out ./new.model --iters 2"), 0);
}

/* A value given to a flag that takes none, "--json=1" or "--cv=1", was
 * reported as "unknown option '-j'" (a flag that does not exist) or
 * "unknown option '-\x03'" (train's internal option codes); a query that
 * starts with '-' as "unknown option '-\xd8'". Each is exit 2 with a
 * message that names what was typed. */
static void test_option_messages(void **state)
{
    (void)state;
    static const struct {
        const char *args, *msg;
    } cases[] = {
        {"train --cv=1 --data data.jsonl", "mizan train: option '--cv' takes no value"},
        {"train --no-calibrate=yes --data data.jsonl --out x.model", "option '--no-calibrate' takes no value"},
        {"eval --json=1 --data data.jsonl", "mizan eval: option '--json' takes no value"},
        {"show --json=true 1", "mizan show: option '--json' takes no value"},
        {"eval-claims --sweep=1 --data data.jsonl", "option '--sweep' takes no value"},
        {"search --bogus=1 حلب", "unknown option '--bogus'"},
        {"search -الجيش", "unknown option '-الجيش' (put '--' before an argument that starts with '-')"},
        {"search --json -الجيش", "unknown option '-الجيش'"},
        {"search -xj حلب", "unknown option '-x'"},
        {"train --data", "option '--data' needs a value"},
        /* an empty --model is a usage error, as an empty --db is: it was
         * exit 6, "model missing" */
        {"eval --data data.jsonl --model ''", "mizan eval: the model path is empty (--model \"\")"},
        {"stance --claim 'قتل 5' --article data.jsonl --model ''", "the model path is empty"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *out;
        int rc = run(&out, "%s", cases[i].args);
        if (rc != 2 || !strstr(out, cases[i].msg))
            fail_msg("mizan %s: exit %d, expected 2 with \"%s\": %s", cases[i].args, rc, cases[i].msg, out);
        free(out);
    }
}

/* export into a full disk said so twice ("mizan export: writing the
 * output: ..." and "mizan: cannot write the output: ..."); now once. Every
 * reader's output that cannot be written is exit 1, said once, and named
 * "mizan COMMAND:" like every other error (it was "mizan: ..."). */
static void test_write_failure_said_once(void **state)
{
    (void)state;
    write_file("arts.jsonl", arts);
    assert_int_equal(run(NULL, "ingest --db w.db arts.jsonl"), 0);
    const char *cmds[] = {"export --db w.db", "search --db w.db حلب", "show --db w.db 1",
                          "stats --db w.db", "eval --model m.model --data data.jsonl",
                          /* the predictions file full: said without the reason */
                          "eval --model m.model --data data.jsonl --predictions /dev/full"};
    for (size_t i = 0; i < sizeof cmds / sizeof *cmds; i++) {
        int rc = sh("%s %s > /dev/full 2> err.txt", bin, cmds[i]);
        char *out = read_back("err.txt");
        int lines = 0;
        for (const char *p = out; *p; p++)
            lines += *p == '\n';
        /* "mizan COMMAND: message", as the README's Exit codes say errors go */
        char prefix[64];
        snprintf(prefix, sizeof prefix, "mizan %.*s: ", (int)strcspn(cmds[i], " "), cmds[i]);
        if (rc != 1 || lines != 1 || !strstr(out, "No space left on device") ||
            strncmp(out, prefix, strlen(prefix)))
            fail_msg("mizan %s > /dev/full: exit %d, %d lines: %s", cmds[i], rc, lines, out);
        free(out);
    }
}

/* eval-claims' verdict macro-F1 counted a class that occurs neither as fact
 * nor as verdict as F1 0: on claims that are all false, every one called
 * not supported (accuracy 1), it said 0.5. Now it averages the classes that
 * occur, as eval's macro-F1 does (README). */
static void test_verdict_macro_f1(void **state)
{
    (void)state;
    char *out;
    assert_int_equal(run(&out, "eval-claims --model m.model --data data.jsonl --json"), 0);
    cJSON *j = cJSON_Parse(out);
    assert_non_null(j);
    assert_int_equal(cJSON_GetObjectItem(j, "n_claims")->valueint, 2);
    /* the setup's model calls neither claim supported: all right */
    assert_true(cJSON_GetObjectItem(j, "verdict_accuracy")->valuedouble == 1.0);
    assert_true(cJSON_GetObjectItem(j, "verdict_macro_f1")->valuedouble == 1.0);
    cJSON *ci = cJSON_GetObjectItem(j, "verdict_macro_f1_ci");
    assert_true(cJSON_GetArrayItem(ci, 0)->valuedouble == 1.0);
    cJSON_Delete(j);
    free(out);
}

/* train --dump that cannot be written said "cannot write 'X'" with no
 * reason for a missing folder, and nothing at all (exit 1) for a full disk,
 * found only when the file was closed. Both name the reason now. */
static void test_dump_names_reason(void **state)
{
    (void)state;
    char *out;
    assert_int_equal(run(&out, "train --data data.jsonl --dump no-such-dir/f.csv"), 1);
    if (!strstr(out, "cannot write 'no-such-dir/f.csv': No such file or directory"))
        fail_msg("%s", out);
    free(out);
    if (access("/dev/full", W_OK) != 0)
        return; /* no full device here */
    assert_int_equal(run(&out, "train --data data.jsonl --dump /dev/full"), 1);
    if (!strstr(out, "cannot write features '/dev/full': No space left on device"))
        fail_msg("%s", out);
    free(out);
}

/* An output named like the data (a slip of the shell's history): eval
 * --predictions and train --out / --dump overwrote the --data file they
 * had just read, and the labelled data was gone. Now exit 2, file intact. */
static void test_output_over_data(void **state)
{
    (void)state;
    assert_int_equal(sh("cp data.jsonl own.jsonl && ln -sf own.jsonl alias.jsonl"), 0);
    const char *cmds[] = {"eval --model m.model --data own.jsonl --predictions own.jsonl",
                          "eval --model m.model --data data.jsonl,own.jsonl --predictions alias.jsonl",
                          "train --data own.jsonl --out ./own.jsonl --iters 2",
                          "train --data own.jsonl --dump own.jsonl"};
    for (size_t i = 0; i < sizeof cmds / sizeof *cmds; i++) {
        char *out;
        int rc = run(&out, "%s", cmds[i]);
        if (rc != 2 || !strstr(out, "it would be overwritten"))
            fail_msg("mizan %s: exit %d: %s", cmds[i], rc, out);
        free(out);
        assert_int_equal(sh("cmp -s own.jsonl data.jsonl"), 0);
    }
}

/* Article ids: " 5" and "+5" were taken as 5 (strtoll skips blanks and
 * a sign) while "5 " was refused; an id is digits only now. */
static void test_article_ids(void **state)
{
    (void)state;
    write_file("arts.jsonl", arts);
    assert_int_equal(run(NULL, "ingest --db ids.db arts.jsonl"), 0);
    assert_int_equal(run(NULL, "show --db ids.db 1"), 0);
    const char *bad[] = {"' 1'", "+1", "'1 '", "abc", "0", "-- -1", "99999999999999999999", "''"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        char *out;
        int rc = run(&out, "show --db ids.db %s", bad[i]);
        if (rc != 2 || !strstr(out, "article id must be a positive number"))
            fail_msg("mizan show %s: exit %d: %s", bad[i], rc, out);
        free(out);
        assert_int_equal(run(NULL, "delete --db ids.db %s", bad[i]), 2);
    }
    assert_int_equal(run(NULL, "show --db ids.db 99"), 5);
}

/* A model trained on data without some classes (the ANS headline pairs:
 * agree and disagree) hardly ever predicts them; train said nothing.
 * Now a warning names them (the model is still written: exit 0). */
static void test_train_missing_classes(void **state)
{
    (void)state;
    char a[1024], b[1024], buf[4096];
    snprintf(buf, sizeof buf, "%s\n%s\n", line_of(1, a, sizeof a), line_of(2, b, sizeof b));
    write_file("two_labels.jsonl", buf);
    char *out;
    assert_int_equal(run(&out, "train --data two_labels.jsonl --out two.model --iters 2"), 0);
    assert_non_null(strstr(out, "warning: no pair labelled discuss, unrelated"));
    free(out);
    assert_int_equal(run(&out, "train --data data.jsonl --out all.model --iters 2"), 0);
    assert_null(strstr(out, "warning"));
    free(out);
}

/* search --help listed the --json keys without "marks" (README and the
 * output have it): a user reading the help would not know the spans. */
static void test_search_help_keys(void **state)
{
    (void)state;
    char *help, *out;
    assert_int_equal(run(&help, "search --help"), 0);
    write_file("arts.jsonl", arts);
    assert_int_equal(run(NULL, "ingest --db h.db arts.jsonl"), 0);
    assert_int_equal(run(&out, "search --db h.db --json حلب"), 0);
    cJSON *j = cJSON_Parse(out);
    cJSON *hit = cJSON_GetArrayItem(cJSON_GetObjectItem(j, "hits"), 0);
    assert_non_null(hit);
    const cJSON *key;
    cJSON_ArrayForEach(key, hit) {
        char quoted[64];
        snprintf(quoted, sizeof quoted, "\"%s\"", key->string);
        if (!strstr(help, quoted))
            fail_msg("search --help does not name the key %s", quoted);
    }
    cJSON_Delete(j);
    free(out);
    free(help);
}

/* On a terminal, search marked the matched words in bold yellow even with
 * NO_COLOR set, which check honours and the README gives as the way to turn
 * colours off: now NO_COLOR gives the [...] markers, as a pipe does. */
static void test_search_no_color(void **state)
{
    (void)state;
    if (sh("command -v script >/dev/null") != 0)
        skip(); /* util-linux's script gives the command a terminal */
    write_file("arts.jsonl", arts);
    assert_int_equal(run(NULL, "ingest --db c.db arts.jsonl"), 0);
    char cmd[4096], *out;
    snprintf(cmd, sizeof cmd, "cd %s && NO_COLOR= script -qec '%s search --db c.db حلب' /dev/null",
             dir, bin);
    assert_int_equal(shell_output(cmd, &out), 0);
    assert_non_null(strstr(out, "\033[1;33m")); /* a terminal: coloured */
    free(out);
    snprintf(cmd, sizeof cmd, "cd %s && NO_COLOR=1 script -qec '%s search --db c.db حلب' /dev/null",
             dir, bin);
    assert_int_equal(shell_output(cmd, &out), 0);
    assert_null(strstr(out, "\033["));
    assert_non_null(strstr(out, "[حلب]"));
    free(out);
    snprintf(cmd, sizeof cmd, "cd %s && NO_COLOR=1 script -qec \"%s check --db c.db 'سيطر الجيش على مطار حلب'\" /dev/null",
             dir, bin);
    assert_int_equal(shell_output(cmd, &out), 0);
    assert_null(strstr(out, "\033["));
    free(out);
}

/* check takes its claim as --claim, as stance does: `check --claim TEXT`
 * was read by getopt as the abbreviation of --claims, and the claim was
 * "no such file" (exit 5). The flag gives the same report as the argument;
 * the claim twice, or with --claims, is a usage error. */
static void test_check_claim_flag(void **state)
{
    (void)state;
    write_file("arts.jsonl", arts);
    assert_int_equal(run(NULL, "ingest -q --db cf.db arts.jsonl"), 0);
    char *flag, *arg;
    assert_int_equal(run(&flag, "check --db cf.db --model m.model --json --claim '" CLAIM1 "'"), 0);
    assert_int_equal(run(&arg, "check --db cf.db --model m.model --json '" CLAIM1 "'"), 0);
    assert_non_null(strstr(flag, "\"verdict\""));
    /* the same report but for the time it took, its last key */
    char *t1 = strstr(flag, "\"elapsed_ms\""), *t2 = strstr(arg, "\"elapsed_ms\"");
    assert_non_null(t1);
    assert_non_null(t2);
    *t1 = *t2 = '\0';
    assert_string_equal(flag, arg);
    free(flag);
    free(arg);
    char *out;
    assert_int_equal(run(&out, "check --db cf.db --claim '" CLAIM1 "' '" CLAIM2 "'"), 2);
    assert_non_null(strstr(out, "give the claim once"));
    free(out);
    write_file("cl.txt", CLAIM1 "\n");
    assert_int_equal(run(&out, "check --db cf.db --claim '" CLAIM1 "' --claims cl.txt"), 2);
    assert_non_null(strstr(out, "not both"));
    free(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text_after_object),
        cmocka_unit_test(test_nul_byte),
        cmocka_unit_test(test_data_over_limit),
        cmocka_unit_test(test_long_claim),
        cmocka_unit_test(test_labels),
        cmocka_unit_test(test_numbers_out_of_range),
        cmocka_unit_test(test_numeric_flags_strict),
        cmocka_unit_test(test_predictions_copy_ids),
        cmocka_unit_test(test_data_lists),
        cmocka_unit_test(test_out_keeps_old_model),
        cmocka_unit_test(test_output_checked_first),
        cmocka_unit_test(test_option_messages),
        cmocka_unit_test(test_write_failure_said_once),
        cmocka_unit_test(test_verdict_macro_f1),
        cmocka_unit_test(test_output_over_data),
        cmocka_unit_test(test_dump_names_reason),
        cmocka_unit_test(test_article_ids),
        cmocka_unit_test(test_train_missing_classes),
        cmocka_unit_test(test_search_help_keys),
        cmocka_unit_test(test_search_no_color),
        cmocka_unit_test(test_check_claim_flag),
    };
    return cmocka_run_group_tests_name("researcher tools", tests, setup, teardown);
}
