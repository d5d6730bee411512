/* store_helpers.h — scratch folders, files and a few Arabic articles shared
 * by the store tests (each test binary includes it once). */
#ifndef MZ_TEST_STORE_HELPERS_H
#define MZ_TEST_STORE_HELPERS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mizan.h"

#define MZ_TEST_UNUSED __attribute__((unused))

/* Short articles written for these tests (not taken from any corpus). */
static const char *const ART_KILLED =
    "مقتل قيادي في تنظيم داعش بريف حلب\n\n"
    "أعلنت مصادر محلية مقتل القيادي في تنظيم «داعش» أبو عمر الشامي، إثر غارة جوية "
    "استهدفت مقره في ريف حلب الشرقي.\n"
    "وقالت المصادر إن الغارة أسفرت أيضاً عن مقتل ثلاثة من مرافقيه.\n";
static const char *const ART_TALKS =
    "جولة جديدة من مفاوضات السلام\n\n"
    "تبدأ الأسبوع المقبل جولة جديدة من مفاوضات السلام في جنيف بمشاركة وفدي الحكومة "
    "والمعارضة، بحسب ما أعلن المبعوث الأممي.\n";
static const char *const ART_DIALOGUE =
    "الأمم المتحدة ترحب بالحوار\n\n"
    "رحبت الأمم المتحدة بالحوار الجاري، ودعت الأطراف إلى الحوار والمفاوضات دون شروط "
    "مسبقة، مؤكدة أن الحل السياسي هو الطريق الوحيد.\n";
static const char *const ART_WEATHER =
    "ارتفاع درجات الحرارة في دمشق\n\n"
    "توقعت مديرية الأرصاد الجوية ارتفاعاً ملحوظاً في درجات الحرارة خلال الأيام المقبلة، "
    "مع رياح خفيفة في المناطق الساحلية.\n";
static const char *const ART_SCHOOL =
    "إعادة فتح المدرسة الثانوية في الرقة\n\n"
    "أعلنت لجنة التربية إعادة فتح المدرسة الثانوية في مدينة الرقة بعد ترميمها، "
    "وقال مديرها إن المُفَاوَضَاتِ مع المنظمات الدولية أمّنت الكتب للطلاب.\n";

MZ_TEST_UNUSED static char *tmpdir_new(void)
{
    char tmpl[] = "/tmp/mizan-store-XXXXXX";
    char *d = mkdtemp(tmpl);
    return d ? strdup(d) : NULL;
}

MZ_TEST_UNUSED static char *path_join(const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *p = malloc(n);
    snprintf(p, n, "%s/%s", dir, name);
    return p;
}

MZ_TEST_UNUSED static void write_bytes(const char *path, const void *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f) {
        perror(path);
        abort();
    }
    if (len)
        fwrite(data, 1, len, f);
    fclose(f);
}

MZ_TEST_UNUSED static char *write_file(const char *dir, const char *name, const char *text)
{
    char *p = path_join(dir, name);
    write_bytes(p, text, strlen(text));
    return p;
}

MZ_TEST_UNUSED static void rm_rf(const char *dir)
{
    if (!dir || strncmp(dir, "/tmp/mizan-", 11) != 0)
        return; /* never anything outside our scratch folders */
    char cmd[512];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", dir);
}

MZ_TEST_UNUSED static int64_t count_articles(mz_db *db)
{
    mz_stats st;
    mz_error err;
    if (mz_db_stats(db, &st, &err) != MZ_OK)
        return -1;
    return st.articles;
}

/* Asserts that out (a command's output, text or JSON) holds none of the
 * controls an old store may keep: ESC and BEL, raw or JSON-escaped, RLO
 * and LRO, the C1 CSI. (Needs cmocka included first.) */
MZ_TEST_UNUSED static void assert_no_controls(const char *out)
{
    static const char *const bad[] = {"\x1b", "\x07", "\\u001b", "\\u0007",
                                       "\xE2\x80\xAE", "\xE2\x80\xAD", "\xC2\x9B"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        if (strstr(out, bad[i]))
            fail_msg("control #%zu found in: %s", i, out);
}

/* A store in memory holding texts[0..n), in order (ids 1..n); NULL when
 * any is refused. */
MZ_TEST_UNUSED static mz_db *memory_store(const char *const *texts, size_t n)
{
    mz_db *db;
    mz_error err;
    if (mz_db_open(":memory:", 0, &db, &err) != MZ_OK)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        mz_article_input in = {.text = texts[i], .text_len = strlen(texts[i])};
        if (mz_article_add(db, &in, NULL, &err) != MZ_OK) {
            mz_db_close(db);
            return NULL;
        }
    }
    return db;
}

/* The index's single term for one word (store.h's mz_analyze; the caller
 * includes store/store.h), malloc'd. */
#ifdef MZ_STORE_H
MZ_TEST_UNUSED static char *term_of(const char *word)
{
    mz_terms t;
    mz_error err;
    assert_int_equal(mz_analyze(word, strlen(word), &t, &err), MZ_OK);
    assert_int_equal(t.n, 1);
    char *s = strdup(t.v[0]);
    mz_terms_clear(&t);
    return s;
}
#endif

#endif
