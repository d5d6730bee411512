/* test_check_format.c — `mizan check --format markdown | csv`: the report
 * for a written piece (every voice, links, evidence sentences whole, article
 * text escaped) and the spreadsheet (RFC 4180, read back by python3's csv
 * module); --format json is --json; bad formats are usage errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "json/json.h"
#include "util/util.h"
#include "../shell_output.h"

static const char *claim = "افتتحت بلدية وادي النخيل الجسر الجديد فوق نهر الزيتون";

/* The long denial: 300 characters, cut to 220 by the terminal report. */
static const char *long_denial =
    "نفت بلدية وادي النخيل افتتاح الجسر الجديد فوق نهر الزيتون مؤكدة أن الأنباء المتداولة عن "
    "الافتتاح عارية عن الصحة جملة وتفصيلا وأن أعمال البناء والتشطيب والتجهيز الكهربائي والإنشائي "
    "ما زالت متواصلة في الموقع ولم تنته بعد بحسب المهندسين المشرفين على المشروع في البلدية "
    "والمحافظة.";

/* A scraped title that would make a link and HTML if written as it is. */
static const char *bad_title =
    "عاجل *حصري*: [x](https://evil.example) افتتاح <b>جسر</b> النخيل بكلفة $5$";
static const char *bad_title_md = "عاجل \\*حصري\\*: \\[x\\](https://evil.example) افتتاح "
                                  "\\<b\\>جسر\\</b\\> النخيل بكلفة \\$5\\$";

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    assert_true(fputs(text, f) >= 0);
    assert_int_equal(fclose(f), 0);
}

static char *read_all(const char *path)
{
    char *text;
    size_t len;
    mz_error err;
    assert_int_equal(mz_read_file(path, 1u << 24, &text, &len, &err), MZ_OK);
    return text;
}

/* A store in dir/s.db: the bundled sample, two JSONL articles on a bridge
 * (one with bad_title and a URL with parentheses and a space, one with the
 * long denial) and a text file with no URL. */
static const char *make_store(char *dir)
{
    const char *bin = cli_bin();
    if (!bin)
        return NULL;
    assert_non_null(mkdtemp(dir));
    char path[256], text[4096], cmd[1024];
    snprintf(text, sizeof text,
             "{\"source\": \"nakheel-news.example\", \"url\": "
             "\"https://nakheel-news.example/wiki/جسر_(النخيل) الجديد\", \"published\": "
             "\"2026-04-05\", \"title\": \"عاجل *حصري*: [x](https://evil.example) افتتاح <b>جسر</b> "
             "النخيل بكلفة $5$\", \"text\": \"افتتحت بلدية وادي النخيل يوم الأحد الجسر الجديد فوق نهر "
             "الزيتون بعد ثلاث سنوات من العمل.\\nوقال رئيس البلدية إن الجسر يربط ضفتي المدينة "
             "ويختصر الطريق إلى السوق المركزي.\"}\n"
             "{\"source\": \"zaytoun-post.example\", \"url\": \"https://zaytoun-post.example/news/17\", "
             "\"author\": {\"name\": \"سامر الحلبي\"}, \"title\": \"البلدية تنفي افتتاح جسر النخيل\", \"text\": \"%s\\nوأضافت البلدية أن "
             "موعد الافتتاح سيعلن في بيان رسمي.\"}\n",
             long_denial);
    snprintf(path, sizeof path, "%s/a.jsonl", dir);
    write_file(path, text);
    snprintf(path, sizeof path, "%s/c.txt", dir);
    write_file(path, "ناشطون: الجسر افتتح جزئيا\nقال ناشطون محليون إن بلدية وادي النخيل افتتحت "
                     "الجسر الجديد فوق نهر الزيتون جزئيا أمام المشاة فقط، فيما لم يصدر تأكيد رسمي.\n");
    snprintf(cmd, sizeof cmd,
             "%s ingest --db %s/s.db %s/a.jsonl %s/c.txt sample/articles.jsonl >/dev/null 2>&1", bin,
             dir, dir, dir);
    assert_int_equal(shell_output(cmd, NULL), 0);
    return bin;
}

static void remove_dir(const char *dir)
{
    char cmd[256];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    assert_int_equal(system(cmd), 0);
}

/* s with its white space runs folded to one space and its ends trimmed, as
 * a sentence is quoted (malloc'd). */
static char *folded(const char *s)
{
    mz_buf b = {0};
    bool space = false;
    for (; *s; s++) {
        if (strchr(" \t\r\n", *s)) {
            space = b.len > 0;
            continue;
        }
        if (space)
            mz_buf_puts(&b, " ");
        space = false;
        mz_buf_append(&b, s, 1);
    }
    return mz_buf_take(&b);
}

static void assert_quoted(const char *md, const cJSON *ev)
{
    if (!cJSON_IsObject(ev))
        return;
    char *want = folded(cJSON_GetObjectItem(ev, "text")->valuestring), line[4096];
    snprintf(line, sizeof line, "\n> %s\n", want);
    if (!strstr(md, line))
        fail_msg("evidence not quoted whole: %s\n%s", want, md);
    free(want);
}

/* Every voice is in the Markdown: a related one (or one carrying a denial)
 * under its heading with each member's evidence and denial quoted whole; an
 * unrelated one by its members' titles. The title that holds markup comes
 * out escaped, and its URL with parentheses and a space still links. */
static void test_markdown(void **state)
{
    (void)state;
    char dir[] = "/tmp/mizan-format-XXXXXX", cmd[2048], *md, *json, *term;
    const char *bin = make_store(dir);
    if (!bin)
        skip();
    snprintf(cmd, sizeof cmd, "%s check --db %s/s.db --format markdown '%s'", bin, dir, claim);
    assert_int_equal(shell_output(cmd, &md), 0);
    snprintf(cmd, sizeof cmd, "%s check --db %s/s.db --json '%s'", bin, dir, claim);
    assert_int_equal(shell_output(cmd, &json), 0);
    snprintf(cmd, sizeof cmd, "NO_COLOR=1 %s check --db %s/s.db '%s'", bin, dir, claim);
    assert_int_equal(shell_output(cmd, &term), 0);
    cJSON *r = cJSON_Parse(json);
    assert_non_null(r);

    assert_non_null(strstr(md, "## الحكم: "));
    char line[1024];
    snprintf(line, sizeof line, "**الادعاء:** %s\n", claim);
    assert_non_null(strstr(md, line));
    assert_non_null(strstr(md, "**السبب:** "));
    assert_non_null(strstr(md, "**Reason:** "));
    /* the Arabic reason comes before the English */
    assert_true(strstr(md, "**السبب:** ") < strstr(md, "**Reason:** "));

    const cJSON *v, *m, *e;
    int n = 0, related = 0;
    cJSON_ArrayForEach(v, cJSON_GetObjectItem(r, "voices"))
    {
        n++;
        bool denies = false;
        cJSON_ArrayForEach(m, cJSON_GetObjectItem(v, "members"))
            denies |= cJSON_IsObject(cJSON_GetObjectItem(m, "denial"));
        bool shown = strcmp(cJSON_GetObjectItem(v, "stance")->valuestring, "unrelated") || denies;
        snprintf(line, sizeof line, "### الصوت %d: ", n);
        assert_int_equal(strstr(md, line) != NULL, shown);
        related += shown;
        cJSON_ArrayForEach(m, cJSON_GetObjectItem(v, "members"))
        {
            const char *title = cJSON_GetObjectItem(m, "title")->valuestring;
            if (strcmp(title, bad_title)) {
                char *t = folded(title);
                assert_non_null(strstr(md, t));
                free(t);
            }
            if (!shown)
                continue;
            cJSON_ArrayForEach(e, cJSON_GetObjectItem(m, "evidence"))
                assert_quoted(md, e);
            assert_quoted(md, cJSON_GetObjectItem(m, "denial"));
        }
    }
    assert_true(related >= 3);
    /* the byline: in the member's JSON (null when unknown), after the site
     * in the Markdown, before the title in the terminal's member line */
    int bylines = 0;
    cJSON_ArrayForEach(v, cJSON_GetObjectItem(r, "voices"))
    cJSON_ArrayForEach(m, cJSON_GetObjectItem(v, "members"))
    {
        const cJSON *author = cJSON_GetObjectItem(m, "author");
        const char *src = cJSON_GetStringValue(cJSON_GetObjectItem(m, "source"));
        if (src && !strcmp(src, "zaytoun-post.example")) {
            assert_string_equal(cJSON_GetStringValue(author), "سامر الحلبي");
            bylines++;
        } else if (src && !strcmp(src, "nakheel-news.example")) {
            assert_true(cJSON_IsNull(author));
        }
    }
    assert_int_equal(bylines, 1);
    assert_non_null(strstr(md, " — zaytoun-post.example — سامر الحلبي"));
    assert_non_null(strstr(term, "سامر الحلبي — البلدية تنفي افتتاح جسر النخيل"));
    /* the long denial whole, where the terminal cuts it */
    snprintf(line, sizeof line, "\n> %s\n", long_denial);
    assert_non_null(strstr(md, line));
    assert_null(strstr(term, long_denial));
    /* the title escaped, linked to its URL with ( ) and the space encoded */
    snprintf(line, sizeof line, "[%s](https://nakheel-news.example/wiki/جسر_%%28النخيل%%29%%20الجديد)",
             bad_title_md);
    if (!strstr(md, line))
        fail_msg("no escaped title linked:\n%s", md);
    for (const char *x = strstr(md, "](https://evil.example)"); x; x = strstr(x + 1, "](https"
                                                                                 "://evil.example)"))
        assert_int_equal(x[-1], '\\'); /* "\](": text, not a link */
    for (const char *x = strstr(md, "<b>"); x; x = strstr(x + 1, "<b>"))
        assert_int_equal(x[-1], '\\');
    /* no URL: the file it came from */
    snprintf(line, sizeof line, "ناشطون: الجسر افتتح جزئيا — الملف: `%s/c.txt`", dir);
    assert_non_null(strstr(md, line));
    snprintf(line, sizeof line, " · mizan %s\n", mz_version());
    const char *last = strstr(md, "التاريخ: ");
    assert_non_null(last);
    assert_non_null(strstr(last, line));
    assert_int_equal(last[strlen("التاريخ: ") + 4], '-'); /* 2026-… */
    cJSON_Delete(r);
    free(md);
    free(json);
    free(term);
    remove_dir(dir);
}

/* --claims with --format markdown: the reports one after another, "---"
 * between them (after a blank line: right after a paragraph it would make
 * that paragraph a heading; a claim the check refused left two rules with
 * nothing between them). Each section says its line and the JSONL line's
 * id, and a bad line — one that is no claim, one whose claim the check
 * refuses (over 2,000 characters) — gets a section with its error: the
 * sections had neither, and a bad line vanished, so an editor matching them
 * to her list by counting was off by one after it. */
static void test_markdown_batch(void **state)
{
    (void)state;
    char dir[] = "/tmp/mizan-format-XXXXXX", cmd[2048], path[256], *md;
    const char *bin = make_store(dir);
    if (!bin)
        skip();
    snprintf(path, sizeof path, "%s/claims.txt", dir);
    static char claims[8192];
    strcpy(claims, "{bad\nافتتحت بلدية وادي النخيل الجسر الجديد\n\n");
    for (int i = 0; i < 700; i++)
        strcat(claims, "قصف "); /* 2,800 characters */
    strcat(claims, "\n{\"id\": \"Q-5\", \"claim\": \"أفرج لواء الوادي عن 40 أسيرا\"}\n");
    write_file(path, claims);
    snprintf(cmd, sizeof cmd, "%s check --db %s/s.db --claims %s --format markdown 2>/dev/null", bin,
             dir, path);
    assert_int_equal(shell_output(cmd, &md), 3);
    size_t reports = 0, rules = 0;
    for (const char *p = strstr(md, "## الحكم: "); p; p = strstr(p + 1, "## الحكم: "))
        reports++;
    for (const char *p = strstr(md, "\n\n---\n\n"); p; p = strstr(p + 1, "\n\n---\n\n"))
        rules++;
    assert_int_equal(reports, 2);
    assert_int_equal(rules, 3);
    /* in the file's order, each with its line (and id) under its heading */
    const char *want[] = {
        ("## لم يُفحص (NOT CHECKED)\n\n**السطر (line):** 1\n\n"
         "**الخطأ (error):** malformed JSON\n"), /* no claim to show */
        "## الحكم: ",
        "**السطر (line):** 2\n\n**الادعاء:** افتتحت بلدية وادي النخيل الجسر الجديد\n",
        "\n\n---\n\n## لم يُفحص (NOT CHECKED)\n\n**السطر (line):** 4\n\n**الادعاء:** قصف قصف",
        "**الخطأ (error):** the claim is 2799 characters long; the limit is 2000",
        "\n\n---\n\n## الحكم: ",
        "**السطر (line):** 5 · **المعرّف (id):** Q-5\n\n**الادعاء:** أفرج لواء الوادي",
    };
    const char *at = md;
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
        const char *hit = strstr(at, want[i]);
        if (!hit)
            fail_msg("%s\nnot found after: %.300s", want[i], at);
        at = hit + strlen(want[i]);
    }
    assert_int_equal(strncmp(md, want[0], strlen(want[0])), 0);
    free(md);
    /* the terminal's rule too: one, between the two reports (it came after
     * every line but the first, the bad ones too: 3) */
    snprintf(cmd, sizeof cmd, "%s check --db %s/s.db --claims %s 2>/dev/null", bin, dir, path);
    assert_int_equal(shell_output(cmd, &md), 3);
    const char *rule = "\n────────────────────────────────────────\n";
    rules = 0;
    for (const char *p = strstr(md, rule); p; p = strstr(p + 1, rule))
        rules++;
    assert_int_equal(rules, 1);
    free(md);
    remove_dir(dir);
}

/* A claim that starts as a spreadsheet formula («=HYPERLINK(…)», «@SUM»,
 * «-2+3») is written after a ': the spreadsheet shows it, does not run it.
 * It was written as given (CSV injection). */
static void test_csv_formula(void **state)
{
    (void)state;
    if (system("python3 -c 'import csv' >/dev/null 2>&1") != 0)
        skip();
    char dir[] = "/tmp/mizan-format-XXXXXX", cmd[4096], path[256], *out;
    const char *bin = make_store(dir);
    if (!bin)
        skip();
    snprintf(path, sizeof path, "%s/claims.txt", dir);
    write_file(path, "=HYPERLINK(\"https://evil.example\",\"افتتح الجسر\")\n"
                     "@SUM(1+1) افتتحت البلدية الجسر\n"
                     "افتتحت بلدية وادي النخيل الجسر الجديد\n");
    snprintf(cmd, sizeof cmd,
             "%s check --db %s/s.db --claims %s --format csv 2>/dev/null | python3 -c 'import csv, sys; "
             "[print(r[2]) for r in list(csv.reader(sys.stdin))[1:]]'",
             bin, dir, path);
    assert_int_equal(shell_output(cmd, &out), 0);
    assert_string_equal(out, "'=HYPERLINK(\"https://evil.example\",\"افتتح الجسر\")\n"
                             "'@SUM(1+1) افتتحت البلدية الجسر\n"
                             "افتتحت بلدية وادي النخيل الجسر الجديد\n");
    free(out);
    remove_dir(dir);
}

/* The CSV read back by python3's csv module: a row per claim, a claim with a
 * comma, a double quote and a line break as it was given, the row's verdict
 * and counts the JSON report's, a bad line's row with its error; a byte
 * order mark only with --bom. */
static void test_csv(void **state)
{
    (void)state;
    if (system("python3 -c 'import csv, json' >/dev/null 2>&1") != 0)
        skip();
    char dir[] = "/tmp/mizan-format-XXXXXX", cmd[4096], path[256], *out, *json;
    const char *bin = make_store(dir);
    if (!bin)
        skip();
    const char *tricky = "افتتحت بلدية وادي النخيل، يوم الأحد, الجسر \"الجديد\"\nفوق نهر الزيتون";
    snprintf(path, sizeof path, "%s/claims.jsonl", dir);
    write_file(path, "{\"id\": \"q-1\", \"claim\": \"افتتحت بلدية وادي النخيل، يوم الأحد, الجسر "
                     "\\\"الجديد\\\"\\nفوق نهر الزيتون\"}\n"
                     "نفت بلدية وادي النخيل افتتاح الجسر\n"
                     "{\"claim\": 5, \"id\": 9}\n"
                     "\n"
                     "{\"claim_id\": 12, \"claim\": \"أفرج لواء الوادي عن 40 أسيرا\"}\n");
    snprintf(cmd, sizeof cmd,
             "%s check --db %s/s.db --claims %s --format csv > %s/out.csv 2>/dev/null; echo $?; "
             "python3 -c 'import csv, json, sys; "
             "print(json.dumps(list(csv.reader(open(sys.argv[1], newline=\"\", encoding=\"utf-8\")))))' "
             "%s/out.csv",
             bin, dir, path, dir, dir);
    assert_int_equal(shell_output(cmd, &out), 0);
    assert_int_equal(out[0], '3'); /* a bad line: exit 3, the others checked */
    cJSON *rows = cJSON_Parse(strchr(out, '\n') + 1);
    free(out);
    assert_non_null(rows);
    assert_int_equal(cJSON_GetArraySize(rows), 5); /* the header, 4 lines (not the blank one) */
    static const char *const header[] = {"line",   "id",       "claim",    "verdict",   "confidence",
                                         "agree",  "disagree", "discuss",  "unrelated", "voices",
                                         "conflict", "reason_ar", "reason", "error"};
    const cJSON *row;
    cJSON_ArrayForEach(row, rows)
        assert_int_equal(cJSON_GetArraySize(row), 14);
    for (int i = 0; i < 14; i++)
        assert_string_equal(cJSON_GetArrayItem(cJSON_GetArrayItem(rows, 0), i)->valuestring,
                            header[i]);
#define CELL(r, c) cJSON_GetArrayItem(cJSON_GetArrayItem(rows, r), c)->valuestring
    assert_string_equal(CELL(1, 0), "1");
    assert_string_equal(CELL(1, 1), "q-1");
    assert_string_equal(CELL(1, 2), tricky); /* round trip */
    assert_string_equal(CELL(1, 13), "");
    assert_string_equal(CELL(2, 0), "2");
    assert_string_equal(CELL(2, 1), "");
    assert_string_equal(CELL(3, 0), "3");
    assert_string_equal(CELL(3, 1), "9");
    assert_string_equal(CELL(3, 3), "");
    assert_non_null(strstr(CELL(3, 13), "must be a string"));
    assert_string_equal(CELL(4, 0), "5");
    assert_string_equal(CELL(4, 1), "12");
    /* each row is its JSON report */
    snprintf(cmd, sizeof cmd, "%s check --db %s/s.db --claims %s --json 2>/dev/null", bin, dir, path);
    assert_int_equal(shell_output(cmd, &json), 3);
    int row_of_report[] = {1, 2, 4};
    char *p = json;
    for (int i = 0; i < 3; i++) {
        char *nl = strchr(p, '\n');
        assert_non_null(nl);
        *nl = '\0';
        cJSON *r = cJSON_Parse(p);
        assert_non_null(r);
        int k = row_of_report[i];
        assert_string_equal(CELL(k, 2), cJSON_GetObjectItem(r, "claim")->valuestring);
        assert_string_equal(CELL(k, 3), cJSON_GetObjectItem(r, "verdict")->valuestring);
        char num[32];
        snprintf(num, sizeof num, "%.2f", cJSON_GetObjectItem(r, "confidence")->valuedouble);
        assert_string_equal(CELL(k, 4), num);
        const cJSON *counts = cJSON_GetObjectItem(r, "counts");
        static const char *const keys[] = {"agree", "disagree", "discuss", "unrelated", "voices"};
        for (int c = 0; c < 5; c++) {
            snprintf(num, sizeof num, "%d", cJSON_GetObjectItem(counts, keys[c])->valueint);
            assert_string_equal(CELL(k, 5 + c), num);
        }
        bool conflict = false;
        const cJSON *q;
        cJSON_ArrayForEach(q, cJSON_GetObjectItem(r, "numbers"))
            conflict |= cJSON_IsTrue(cJSON_GetObjectItem(q, "conflict"));
        assert_string_equal(CELL(k, 10), conflict ? "true" : "false");
        assert_string_equal(CELL(k, 11), cJSON_GetObjectItem(r, "reason_ar")->valuestring);
        assert_string_equal(CELL(k, 12), cJSON_GetObjectItem(r, "reason")->valuestring);
        cJSON_Delete(r);
        p = nl + 1;
    }
#undef CELL
    free(json);
    cJSON_Delete(rows);
    /* RFC 4180's CRLF, and no byte order mark unless asked for */
    snprintf(path, sizeof path, "%s/out.csv", dir);
    char *csv = read_all(path);
    assert_int_equal(strncmp(csv, "line,id,claim,", 14), 0);
    assert_non_null(strstr(csv, ",error\r\n1,q-1,\""));
    free(csv);
    snprintf(cmd, sizeof cmd, "%s check --db %s/s.db --format csv --bom '%s'", bin, dir, claim);
    assert_int_equal(shell_output(cmd, &csv), 0);
    assert_int_equal(strncmp(csv, "\xEF\xBB\xBFline,id,claim,", 17), 0);
    assert_non_null(strstr(csv, "\r\n,,")); /* a command-line claim: no line, no id */
    free(csv);
    remove_dir(dir);
}

/* --format json is --json; text is the terminal report; anything else, and
 * --json with another format, is a usage error (2). */
static void test_format_flag(void **state)
{
    (void)state;
    char dir[] = "/tmp/mizan-format-XXXXXX", cmd[2048], *a, *b;
    const char *bin = make_store(dir);
    if (!bin)
        skip();
    snprintf(cmd, sizeof cmd, "%s check --db %s/s.db --json '%s'", bin, dir, claim);
    assert_int_equal(shell_output(cmd, &a), 0);
    snprintf(cmd, sizeof cmd, "%s check --db %s/s.db --format json '%s'", bin, dir, claim);
    assert_int_equal(shell_output(cmd, &b), 0);
    cJSON *ja = cJSON_Parse(a), *jb = cJSON_Parse(b);
    assert_non_null(ja);
    assert_non_null(jb);
    cJSON_DeleteItemFromObject(ja, "stats"); /* the time taken */
    cJSON_DeleteItemFromObject(jb, "stats");
    assert_true(cJSON_Compare(ja, jb, 1));
    cJSON_Delete(ja);
    cJSON_Delete(jb);
    free(a);
    free(b);
    snprintf(cmd, sizeof cmd, "NO_COLOR=1 %s check --db %s/s.db --format text '%s'", bin, dir, claim);
    assert_int_equal(shell_output(cmd, &a), 0);
    assert_non_null(strstr(a, "claim:  "));
    assert_non_null(strstr(a, "السبب:  "));
    free(a);
    static const char *const bad[] = {"--format xml", "--format ''", "--format Markdown",
                                      "--json --format markdown", "--format markdown --bom",
                                      "--format"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        snprintf(cmd, sizeof cmd, "%s check --db %s/s.db %s '%s' 2>&1", bin, dir, bad[i],
                 strcmp(bad[i], "--format") ? claim : "");
        assert_int_equal(shell_output(cmd, &a), 2);
        assert_non_null(strstr(a, "mizan check: "));
        free(a);
    }
    remove_dir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_markdown),
        cmocka_unit_test(test_markdown_batch),
        cmocka_unit_test(test_csv),
        cmocka_unit_test(test_csv_formula),
        cmocka_unit_test(test_format_flag),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
