/* test_voices.c — near-copies form one voice; same-topic articles do not;
 * one site is one voice. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "check/check.h"
#include "store/db.h"
#include "util/util.h"
#include "sample_data.h"

static const char *wire =
    "أفرج لواء الوادي يوم الجمعة عن 40 أسيرا من عناصر القوات الحكومية في مدينة تل السنابل، "
    "مقابل إطلاق الحكومة سراح 60 معتقلا من مقاتلي اللواء، في أول صفقة تبادل بين الطرفين.\n"
    "وقال مصدر في لجنة الوساطة إن الصفقة جرت عند معبر الطاحونة جنوب المدينة بإشراف وجهاء "
    "العشائر وفريق من الهلال الأحمر.\nوأضاف المصدر أن الاتفاق يشمل وقفا لإطلاق النار مدته 72 ساعة.";

/* The same wire text re-published with diacritics, another alef spelling,
 * a different closing line and a site banner. */
static const char *copy =
    "موقع الساحل اليوم\n"
    "أفرجَ لواءُ الوادي يوم الجمعة عن ٤٠ اسيرا من عناصر القوات الحكومية في مدينة تل السنابل، "
    "مقابل إطلاق الحكومة سراح ٦٠ معتقلا من مقاتلي اللواء، في أول صفقة تبادل بين الطرفين.\n"
    "وقال مصدر في لجنة الوساطة إن الصفقة جرت عند معبر الطاحونة جنوب المدينة بإشراف وجهاء "
    "العشائر وفريق من الهلال الأحمر.\nتابعوا آخر الأخبار على موقعنا.";

/* Same story, same words in places, but written independently. */
static const char *same_topic =
    "قال ناشطون محليون إن لواء الوادي أطلق سراح 25 أسيرا من القوات الحكومية في تل السنابل "
    "ضمن صفقة تبادل لم يعلن عنها رسميا. وبحسب الناشطين فإن الحكومة أفرجت في المقابل عن نحو "
    "30 معتقلا، ولم يتسن التحقق من هذه الأرقام.";

static void test_copy_is_similar(void **state)
{
    (void)state;
    mz_minhash a, b, c;
    mz_minhash_text(wire, strlen(wire), &a);
    mz_minhash_text(copy, strlen(copy), &b);
    mz_minhash_text(same_topic, strlen(same_topic), &c);
    assert_true(a.n_shingles > 40);
    double copy_sim = mz_minhash_similarity(&a, &b);
    double topic_sim = mz_minhash_similarity(&a, &c);
    assert_true(copy_sim >= MZ_COPY_JACCARD);
    assert_true(topic_sim < 0.2);
    /* deterministic: the same text gives the same signature */
    mz_minhash a2;
    mz_minhash_text(wire, strlen(wire), &a2);
    assert_memory_equal(a.h, a2.h, sizeof a.h);
    assert_true(mz_minhash_similarity(&a, &a2) == 1.0);
}

static void test_short_and_empty_texts(void **state)
{
    (void)state;
    mz_minhash a, b;
    mz_minhash_text("", 0, &a);
    mz_minhash_text("نفى", strlen("نفى"), &b);
    assert_int_equal(a.n_shingles, 0);
    assert_int_equal(b.n_shingles, 0);
    assert_true(mz_minhash_similarity(&a, &b) == 0.0);
    /* invalid bytes and tatweel runs do not crash or join words */
    const char *odd = "\xff\xfe نفــــــــى  \xc3 اللواء \xe2\x80\x8f الأنباء عن الصفقة";
    mz_minhash_text(odd, strlen(odd), &a);
    assert_true(a.n_shingles >= 1);
}

static void test_grouping(void **state)
{
    (void)state;
    const char *texts[4] = {wire, same_topic, copy, "الطقس في تل السنابل مشمس ودافئ خلال الأيام المقبلة مع رياح خفيفة"};
    const char *sources[4] = {"wire.example", "activists.example", "sahil.example", "WIRE.example"};
    mz_minhash sigs[4];
    for (int i = 0; i < 4; i++)
        mz_minhash_text(texts[i], strlen(texts[i]), &sigs[i]);
    size_t voice[4];
    /* copies join (0 and 2); the same site joins (0 and 3, case-insensitive) */
    assert_int_equal(mz_group_voices(sigs, sources, NULL, NULL, NULL, 4, MZ_COPY_JACCARD, voice), 2);
    assert_int_equal(voice[0], 0);
    assert_int_equal(voice[1], 1);
    assert_int_equal(voice[2], 0);
    assert_int_equal(voice[3], 0);
    /* without sources only the copy joins */
    assert_int_equal(mz_group_voices(sigs, NULL, NULL, NULL, NULL, 4, MZ_COPY_JACCARD, voice), 3);
    assert_int_equal(voice[2], 0);
    assert_int_equal(voice[3], 2);
    assert_int_equal(mz_group_voices(sigs, NULL, NULL, NULL, NULL, 0, MZ_COPY_JACCARD, voice), 0);
}

/* One site is one voice whatever its host: a mobile or section subdomain
 * (m.almayadeen.net, mubasher.aljazeera.net) is the site itself; a country
 * second-level domain (alquds.co.uk) and blog hosts (x.blogspot.com,
 * y.wordpress.com: different authors) are not cut to their parent. */
static void test_subdomains_are_one_site(void **state)
{
    (void)state;
    const char *sources[] = {"almayadeen.net",   "m.almayadeen.net",   "aljazeera.net",
                             "mubasher.aljazeera.net", "alquds.co.uk", "alarab.co.uk",
                             "a.blogspot.com",   "b.blogspot.com",     "x.wordpress.com",
                             "y.wordpress.com",  "Syria.LiveUAMap.com", "mideast.liveuamap.com",
                             "reuters",          "10.0.0.1",           "10.0.0.2"};
    enum { N = sizeof sources / sizeof *sources };
    size_t voice[N];
    /* no text signatures: only the sites group */
    assert_int_equal(mz_group_voices(NULL, sources, NULL, NULL, NULL, N, MZ_COPY_JACCARD, voice), 12);
    assert_int_equal(voice[1], voice[0]);
    assert_int_equal(voice[3], voice[2]);
    assert_int_not_equal(voice[4], voice[5]); /* co.uk is not a site */
    assert_int_not_equal(voice[6], voice[7]); /* two blogs */
    assert_int_not_equal(voice[8], voice[9]);
    assert_int_equal(voice[11], voice[10]);
    assert_int_not_equal(voice[13], voice[14]); /* addresses are compared whole */
}

/* A site written as a URL, with a port or with the root's trailing dot is
 * still that site; the trailing dot does not make every .net site one. */
static void test_site_written_as_url(void **state)
{
    (void)state;
    const char *sources[] = {"aljazeera.net",
                             "https://www.aljazeera.net/news/2024/3/1/x",
                             "aljazeera.net.",
                             "http://user@m.aljazeera.net:8080?id=1",
                             "ALJAZEERA.NET:443",
                             "bbc.net.",
                             "alarabiya.net.",
                             "قناة: الجزيرة",
                             "قناة: العربية"};
    enum { N = sizeof sources / sizeof *sources };
    size_t voice[N];
    assert_int_equal(mz_group_voices(NULL, sources, NULL, NULL, NULL, N, MZ_COPY_JACCARD, voice), 5);
    for (size_t i = 1; i < 5; i++)
        assert_int_equal(voice[i], voice[0]);
    assert_int_not_equal(voice[5], voice[6]);
    assert_int_not_equal(voice[5], voice[0]);
    assert_int_not_equal(voice[7], voice[8]); /* a name with a colon is not a host */
    size_t len;
    const char *site = mz_site_of("https://www.aljazeera.net./news", &len);
    assert_int_equal(len, strlen("aljazeera.net"));
    assert_memory_equal(site, "aljazeera.net", len);
}

/* On a platform where accounts share the host, the account is the site:
 * two pages' posts are two sources, one page's two posts one. Sources
 * stored by an older mizan say only "facebook.com"; the URL tells. */
static void test_platform_accounts(void **state)
{
    (void)state;
    const char *sources[] = {"facebook.com", "facebook.com", "facebook.com/qanat.alsahel",
                             "t.me/wadi_news", "t.me"};
    const char *urls[] = {"https://www.facebook.com/qanat.alsahel/posts/1",
                          "https://m.facebook.com/RaqibNetwork/posts/2",
                          "https://facebook.com/Qanat.Alsahel/videos/3",
                          "https://t.me/wadi_news/10", "https://t.me/wadi_news/11"};
    enum { N = sizeof sources / sizeof *sources };
    size_t voice[N];
    assert_int_equal(mz_group_voices(NULL, sources, urls, NULL, NULL, N, MZ_COPY_JACCARD, voice), 3);
    assert_int_not_equal(voice[1], voice[0]); /* two accounts */
    assert_int_equal(voice[2], voice[0]);     /* one account, however its URL is written */
    assert_int_equal(voice[4], voice[3]);
    size_t len;
    const char *site = mz_site_of("https://www.facebook.com/AlJazeera/posts/1", &len);
    assert_int_equal(len, strlen("facebook.com/AlJazeera"));
    assert_memory_equal(site, "facebook.com/AlJazeera", len);
    site = mz_site_of("https://www.aljazeera.net/news/1", &len);
    assert_int_equal(len, strlen("aljazeera.net"));
}

/* A source typed by hand that names the platform alone ("Facebook") for
 * posts whose site is an account on it says no more than the host an older
 * mizan stored ("facebook.com"): it is read through the URL, and two
 * accounts' posts are two voices. They were one (the same typed name).
 * Off the platforms a typed name stays a name: "Reuters" for a
 * reuters.com page and "Reuters" with no URL are one site. */
static void test_source_naming_its_platform(void **state)
{
    (void)state;
    const char *sources[] = {"Facebook", "Facebook", "facebook", "Reuters", "Reuters"};
    const char *urls[] = {"https://www.facebook.com/qanat.alsahel/posts/1",
                          "https://m.facebook.com/RaqibNetwork/posts/2",
                          "https://facebook.com/Qanat.Alsahel/videos/3",
                          "https://www.reuters.com/world/middle-east/1", NULL};
    enum { N = sizeof sources / sizeof *sources };
    size_t voice[N];
    assert_int_equal(mz_group_voices(NULL, sources, urls, NULL, NULL, N, MZ_COPY_JACCARD, voice), 3);
    assert_int_not_equal(voice[1], voice[0]); /* two accounts */
    assert_int_equal(voice[2], voice[0]);     /* one account */
    assert_int_equal(voice[4], voice[3]);     /* one name, with its URL or without */
    assert_int_not_equal(voice[3], voice[0]);
}

/* A page's own name for its site (og:site_name "الجزيرة نت") and the host
 * taken from another page's URL are one site when their URLs are; two
 * pages that name different outlets on one host (syndication on an
 * aggregator) stay apart. */
static void test_site_name_and_url_host(void **state)
{
    (void)state;
    const char *sources[] = {"الجزيرة نت", "aljazeera.net", "aljazeera.net", "Al Jazeera",
                             "سكاي نيوز عربية", "msn.example"};
    const char *urls[] = {"https://www.aljazeera.net/news/1", "https://www.aljazeera.net/news/2",
                          NULL, "https://portal.example/a", "https://portal.example/b", NULL};
    enum { N = sizeof sources / sizeof *sources };
    size_t voice[N];
    assert_int_equal(mz_group_voices(NULL, sources, urls, NULL, NULL, N, MZ_COPY_JACCARD, voice), 4);
    assert_int_equal(voice[1], voice[0]); /* a name and the host of its URL */
    assert_int_equal(voice[2], voice[0]); /* a host given as the source, no URL */
    assert_int_not_equal(voice[3], voice[4]); /* two named outlets on one portal */
    assert_int_not_equal(voice[3], voice[0]);
    assert_int_not_equal(voice[5], voice[4]);
}

/* A source name typed by hand is one site however its letters are
 * written: ة/ه, diacritics, tatweel, case and punctuation. */
static void test_site_name_spellings(void **state)
{
    (void)state;
    const char *sources[] = {"الجزيرة", "الجزيره", "الجَزيـرة", "العربية", "Al Jazeera",
                             "al-jazeera", "AL JAZEERA ", "الجزيرة نت"};
    enum { N = sizeof sources / sizeof *sources };
    size_t voice[N];
    assert_int_equal(mz_group_voices(NULL, sources, NULL, NULL, NULL, N, MZ_COPY_JACCARD, voice), 4);
    assert_int_equal(voice[1], voice[0]);
    assert_int_equal(voice[2], voice[0]);
    assert_int_not_equal(voice[3], voice[0]);
    assert_int_equal(voice[5], voice[4]);
    assert_int_equal(voice[6], voice[4]);
    assert_int_not_equal(voice[7], voice[0]); /* another name: not guessed */
}

/* A longer wire story: six paragraphs. */
static const char *const outbreak[] = {
    "أعلنت وزارة الصحة في مدينة الواحة الشرقية يوم الأحد تسجيل 12 إصابة جديدة بالكوليرا في حي النخيل، ليرتفع عدد المصابين منذ بداية الشهر إلى 87 حالة.",
    "وقال المتحدث باسم الوزارة سالم العبيدي في مؤتمر صحفي إن فرق الطوارئ أغلقت ثلاثة آبار يشتبه في تلوثها، وبدأت توزيع أقراص تعقيم المياه على السكان.",
    "وأضاف العبيدي أن المستشفى المركزي خصص جناحا لعزل المصابين، وأن حالة معظمهم مستقرة، مشيرا إلى وفاة طفلين الأسبوع الماضي بسبب الجفاف الشديد.",
    "ودعت الوزارة المواطنين إلى غلي مياه الشرب وغسل الخضروات جيدا، وعدم الاقتراب من مجاري الصرف المكشوفة التي غمرتها الأمطار الأخيرة.",
    "من جهتها، قالت منظمة الإغاثة الدولية إنها أرسلت شحنة من المحاليل الوريدية والأدوية إلى المدينة، وإن فريقا من خبرائها سيصل خلال يومين لتقييم الوضع.",
    "وكانت المدينة قد شهدت تفشيا مماثلا قبل أربع سنوات أصاب أكثر من 300 شخص، وانتقدت منظمات محلية حينها بطء السلطات في إصلاح شبكة المياه.",
};

/* Reported independently: same event, same names, other words. */
static const char *outbreak_other =
    "أكدت مصادر طبية في مدينة الواحة الشرقية أن عدد المصابين بالكوليرا تجاوز 90 حالة، متهمة وزارة الصحة بالتقليل من حجم التفشي في حي النخيل وأحياء مجاورة.\n"
    "وقال طبيب في المستشفى المركزي، طلب عدم ذكر اسمه، إن الأجنحة امتلأت وإن المرضى يفترشون الممرات، وإن الأدوية لا تكفي سوى أيام قليلة.\n"
    "وأشار سكان إلى أن الآبار التي أغلقتها السلطات ليست المصدر الوحيد للمياه الملوثة، وأن شبكة الصرف لم تُصلح منذ التفشي السابق قبل أربع سنوات.\n"
    "ولم ترد وزارة الصحة على طلب للتعليق، فيما دعا ناشطون إلى فتح تحقيق في طريقة إدارة الأزمة ومحاسبة المسؤولين عن تأخر إصلاح الشبكة.";

static char *paragraphs(size_t from, size_t to, const char *head)
{
    mz_buf b = {0};
    assert_int_equal(mz_buf_puts(&b, head), 0);
    for (size_t i = from; i < to; i++)
        assert_int_equal(mz_buf_printf(&b, "%s\n", outbreak[i]), 0);
    return mz_buf_take(&b);
}

/* A site that runs only the first half of a wire story (a shorter edition,
 * a cut-off page, its own headline on top) still re-publishes it: the
 * shorter text lies inside the longer one, though their Jaccard similarity
 * is only about its share of the whole. An independent report, and a lead of
 * one paragraph (a sixth: too little to tell a copy from a quotation by the
 * signature), stay apart. */
static void test_truncated_copy_is_one_voice(void **state)
{
    (void)state;
    char *texts[] = {paragraphs(0, 6, ""), paragraphs(0, 3, "عاجل | الكوليرا تعود\n"),
                     paragraphs(0, 1, ""), strdup(outbreak_other)};
    enum { N = sizeof texts / sizeof *texts };
    mz_minhash sigs[N];
    for (size_t i = 0; i < N; i++)
        mz_minhash_text(texts[i], strlen(texts[i]), &sigs[i]);
    assert_true(mz_minhash_similarity(&sigs[0], &sigs[1]) < MZ_COPY_JACCARD);
    size_t voice[N];
    assert_int_equal(mz_group_voices(sigs, NULL, NULL, NULL, NULL, N, MZ_COPY_JACCARD, voice), 3);
    assert_int_equal(voice[1], voice[0]);
    assert_int_not_equal(voice[2], voice[0]);
    assert_int_not_equal(voice[3], voice[0]);
    assert_int_not_equal(voice[3], voice[2]);
    /* the order of the candidates does not change who is grouped with whom */
    mz_minhash rev[N];
    for (size_t i = 0; i < N; i++)
        rev[i] = sigs[N - 1 - i];
    size_t rvoice[N];
    assert_int_equal(mz_group_voices(rev, NULL, NULL, NULL, NULL, N, MZ_COPY_JACCARD, rvoice), 3);
    assert_int_equal(rvoice[N - 1 - 1], rvoice[N - 1 - 0]);
    for (size_t i = 0; i < N; i++)
        free(texts[i]);
}

static void test_sample_voices(void **state)
{
    (void)state;
    sample_article a[SAMPLE_MAX];
    size_t n = sample_load(a);
    if (n < 7)
        skip();
    mz_minhash sigs[SAMPLE_MAX];
    const char *src[SAMPLE_MAX];
    for (size_t i = 0; i < n; i++) {
        mz_minhash_text(a[i].text, strlen(a[i].text), &sigs[i]);
        src[i] = a[i].source;
    }
    size_t voice[SAMPLE_MAX];
    /* 8 articles: the wire, its copy and the wire's follow-up are one voice */
    assert_int_equal(mz_group_voices(sigs, src, NULL, NULL, NULL, n, MZ_COPY_JACCARD, voice), 6);
    assert_int_equal(voice[1], voice[0]);
    assert_int_equal(voice[5], voice[0]);
    assert_int_not_equal(voice[2], voice[0]);
    assert_int_not_equal(voice[3], voice[0]);
    assert_int_not_equal(voice[4], voice[0]);
    assert_int_not_equal(voice[6], voice[0]); /* two accounts side by side */
    sample_free(a, n);
}

/* A source with no word in it («—», «***», as a page's byline may leave)
 * names no site: two such articles are not one voice for it, and are
 * grouped (not refused as out of memory). */
static void test_wordless_sources(void **state)
{
    (void)state;
    const char *texts[2] = {wire, same_topic};
    const char *sources[2] = {"—", "***"};
    mz_minhash sigs[2];
    for (int i = 0; i < 2; i++)
        mz_minhash_text(texts[i], strlen(texts[i]), &sigs[i]);
    size_t voice[2];
    assert_int_equal(mz_group_voices(sigs, sources, NULL, NULL, NULL, 2, MZ_COPY_JACCARD, voice), 2);
    assert_int_not_equal(voice[0], voice[1]);
}

/* Two signatures with n_a and n_b shingles whose first `same` of the 64
 * hashes are equal (estimated Jaccard same / 64), the rest different. */
static void signatures(mz_minhash *a, mz_minhash *b, size_t n_a, size_t n_b, size_t same)
{
    for (size_t k = 0; k < MZ_MINHASH_K; k++) {
        a->h[k] = 1000 + k;
        b->h[k] = k < same ? 1000 + k : 5000 + k;
    }
    a->n_shingles = n_a;
    b->n_shingles = n_b;
}

/* The copy rule at its edges, as check.h states it: a Jaccard at the
 * threshold is a copy; a shorter text is a copy when the share of it
 * estimated inside the longer, J (|A| + |B|) / (1 + J), reaches 0.75 of it,
 * with at least 20 shingles and a third of the other's. */
static void test_copy_rule_edges(void **state)
{
    (void)state;
    mz_minhash a, b;
    signatures(&a, &b, 100, 100, 32); /* J 0.5 exactly */
    assert_true(mz_minhash_copies(&a, &b, MZ_COPY_JACCARD));
    signatures(&a, &b, 100, 100, 31);
    assert_false(mz_minhash_copies(&a, &b, MZ_COPY_JACCARD));
    /* 20 shingles against 55, J 0.25: 0.25 x 75 / 1.25 = 15 = 0.75 x 20 */
    signatures(&a, &b, 20, 55, 16);
    assert_true(mz_minhash_copies(&a, &b, MZ_COPY_JACCARD));
    assert_true(mz_minhash_copies(&b, &a, MZ_COPY_JACCARD));
    signatures(&a, &b, 19, 55, 16); /* under 20 shingles: not judged so */
    assert_false(mz_minhash_copies(&a, &b, MZ_COPY_JACCARD));
    /* 20 against 40, J 0.3125: 0.3125 x 60 / 1.3125 = 14.3, under 15 */
    signatures(&a, &b, 20, 40, 20);
    assert_false(mz_minhash_copies(&a, &b, MZ_COPY_JACCARD));
    /* 25 against 75 (a third exactly), J 0.25: 20 of 25 inside */
    signatures(&a, &b, 25, 75, 16);
    assert_true(mz_minhash_copies(&a, &b, MZ_COPY_JACCARD));
    signatures(&a, &b, 25, 76, 16); /* under a third */
    assert_false(mz_minhash_copies(&a, &b, MZ_COPY_JACCARD));
}

/* Three words are one shingle, and a three-word text re-published as is is
 * a copy of itself; two words are none. */
static void test_one_shingle(void **state)
{
    (void)state;
    const char *t = "نفى المتحدث الخبر";
    mz_minhash a, b, c;
    mz_minhash_text(t, strlen(t), &a);
    mz_minhash_text(t, strlen(t), &b);
    mz_minhash_text("نفى المتحدث", strlen("نفى المتحدث"), &c);
    assert_int_equal(a.n_shingles, 1);
    assert_int_equal(c.n_shingles, 0);
    assert_true(mz_minhash_similarity(&a, &b) == 1.0);
    assert_true(mz_minhash_similarity(&a, &c) == 0.0);
    assert_true(mz_minhash_similarity(&c, &a) == 0.0);
}

/* A site's own name in Latin letters and in Arabic, on its own domain, is
 * one site: "Reuters" spells reuters.com, so "رويترز" there is no other
 * outlet hosted on it (two named outlets on a portal stay two). */
static void test_site_own_name_and_arabic_name(void **state)
{
    (void)state;
    const char *sources[] = {"Reuters", "رويترز", "Al Jazeera", "الجزيرة نت", "سكاي نيوز عربية",
                             "Al Jazeera"};
    const char *urls[] = {"https://www.reuters.com/article/1", "https://ara.reuters.com/article/2",
                          "https://www.aljazeera.net/news/1", "https://www.aljazeera.net/news/2",
                          "https://portal.example/a", "https://portal.example/b"};
    enum { N = sizeof sources / sizeof *sources };
    size_t voice[N];
    assert_int_equal(mz_group_voices(NULL, sources, urls, NULL, NULL, N, MZ_COPY_JACCARD, voice), 3);
    assert_int_equal(voice[1], voice[0]);
    assert_int_equal(voice[3], voice[2]);
    assert_int_not_equal(voice[4], voice[2]);
    assert_int_equal(voice[5], voice[2]); /* the same name, on a portal: the source says so */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_copy_is_similar),
        cmocka_unit_test(test_short_and_empty_texts),
        cmocka_unit_test(test_grouping),
        cmocka_unit_test(test_subdomains_are_one_site),
        cmocka_unit_test(test_site_written_as_url),
        cmocka_unit_test(test_site_name_and_url_host),
        cmocka_unit_test(test_site_own_name_and_arabic_name),
        cmocka_unit_test(test_platform_accounts),
        cmocka_unit_test(test_source_naming_its_platform),
        cmocka_unit_test(test_site_name_spellings),
        cmocka_unit_test(test_truncated_copy_is_one_voice),
        cmocka_unit_test(test_sample_voices),
        cmocka_unit_test(test_copy_rule_edges),
        cmocka_unit_test(test_one_shingle),
        cmocka_unit_test(test_wordless_sources),
    };
    return cmocka_run_group_tests_name("check/voices", tests, NULL, NULL);
}
