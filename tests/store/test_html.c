/* test_html.c — a saved web page into an article (src/store/html.c): the
 * story chosen and read as text, the page's metadata, its encoding, and the
 * errors; then the same page through `ingest` into a store. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "store/db.h"
#include "store/store.h"
#include "text/text.h"
#include "util/util.h"
#include "store_helpers.h"

/* A news page as sites serve them (text written for this test): masthead,
 * menu, the story in <article> with a share bar and a related list, an
 * aside, a footer, a script holding Arabic text, entities. */
static const char *PAGE =
    "<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"utf-8\">\n"
    "<title>تبادل للأسرى في تل السنابل | موقع الساحل</title>\n"
    "<meta property=\"og:title\" content=\"تبادل للأسرى في تل السنابل | موقع الساحل\">\n"
    "<meta property=\"og:site_name\" content=\"موقع الساحل\">\n"
    "<meta property=\"article:published_time\" content=\"2026-03-06T10:30:00+02:00\">\n"
    "<link rel=\"canonical\" href=\"https://sahil.example/news/2026/03/06/exchange\">\n"
    "<script>var msg = \"خبر عاجل من السكربت\";</script><style>p{margin:0}</style>\n"
    "</head><body>\n"
    "<header class=\"site-header\"><a href=\"/\">موقع الساحل</a></header>\n"
    "<nav><ul><li><a href=\"/\">الرئيسية</a></li><li><a href=\"/sport\">رياضة</a></li></ul></nav>\n"
    "<main><article>\n"
    "<h1>تبادل للأسرى في تل السنابل</h1>\n"
    "<div class=\"post-share-buttons\">شارك على فيسبوك</div>\n"
    "<p>أفرج لواء الوادي يوم الجمعة عن 40 أسيرا من عناصر القوات الحكومية\n"
    "   في مدينة تل السنابل،<br>مقابل إطلاق الحكومة سراح 60 معتقلا.</p>\n"
    "<p>وقال مصدر في لجنة الوساطة إن الصفقة جرت &quot;بهدوء&quot; عند معبر الطاحونة"
    "&nbsp;بإشراف وجهاء العشائر &amp; الهلال الأحمر.</p>\n"
    "<p hidden>نص مخفي لا يظهر للقارئ</p>\n"
    "<div style=\"color: red; Display : none\">إعلان مخفي</div>\n"
    "<ul class=\"related-posts\"><li><a href=\"/a\">أسعار القمح ترتفع</a></li></ul>\n"
    "</article></main>\n"
    "<aside><h3>الأكثر قراءة</h3><p>مباراة الأمس</p></aside>\n"
    "<footer>جميع الحقوق محفوظة</footer>\n"
    "</body></html>\n";

static mz_html_article extract_ok(const char *html)
{
    mz_html_article a;
    mz_error err = {0};
    mz_status s = mz_html_extract(html, strlen(html), "page.html", &a, &err);
    if (s != MZ_OK)
        fail_msg("extract failed: %s", err.msg);
    assert_int_equal(a.text_len, strlen(a.text));
    assert_int_equal(mz_utf8_check(a.text, a.text_len, NULL), MZ_OK);
    return a;
}

static void test_story_and_metadata(void **state)
{
    (void)state;
    mz_html_article a = extract_ok(PAGE);
    /* the headline, without the site's name the page appends */
    assert_string_equal(a.title, "تبادل للأسرى في تل السنابل");
    assert_string_equal(a.source, "موقع الساحل");
    assert_string_equal(a.url, "https://sahil.example/news/2026/03/06/exchange");
    assert_string_equal(a.published, "2026-03-06T10:30:00+02:00");
    /* one block per line, white space folded, <br> a line break, entities decoded */
    assert_string_equal(a.text,
                        "تبادل للأسرى في تل السنابل\n"
                        "أفرج لواء الوادي يوم الجمعة عن 40 أسيرا من عناصر القوات الحكومية "
                        "في مدينة تل السنابل،\n"
                        "مقابل إطلاق الحكومة سراح 60 معتقلا.\n"
                        "وقال مصدر في لجنة الوساطة إن الصفقة جرت \"بهدوء\" عند معبر الطاحونة"
                        "\xC2\xA0بإشراف وجهاء العشائر & الهلال الأحمر.");
    mz_html_article_clear(&a);
}

static void test_story_choice(void **state)
{
    (void)state;
    /* no <article>: the body, without menu, masthead and script */
    mz_html_article a = extract_ok(
        "<html><head><title>عنوان الصفحة</title></head><body>"
        "<header>شعار الموقع</header><nav>الرئيسية | أخبار</nav>"
        "<div><p>انطلقت حملة تلقيح في المدارس.</p><script>x='نص برمجي'</script></div>"
        "<footer>حقوق النشر</footer></body></html>");
    assert_string_equal(a.text, "انطلقت حملة تلقيح في المدارس.");
    assert_string_equal(a.title, "عنوان الصفحة");
    assert_null(a.source);
    assert_null(a.url);
    mz_html_article_clear(&a);
    /* the largest of several <article>s (a teaser before the story) */
    a = extract_ok("<html><body><article><p>خبر قصير</p></article>"
                   "<article><h1>افتتاح جسر جديد</h1><p>افتتحت البلدية جسرا جديدا فوق النهر "
                   "بطول مئتي متر.</p></article></body></html>");
    assert_string_equal(a.text, "افتتاح جسر جديد\nافتتحت البلدية جسرا جديدا فوق النهر بطول مئتي متر.");
    assert_string_equal(a.title, "افتتاح جسر جديد"); /* no <title>: the first <h1> */
    mz_html_article_clear(&a);
    /* no <article> or <main>: the block with most of the paragraph text,
     * not the column of other headlines beside it nor the links above */
    a = extract_ok(
        "<html><body><div id=\"wrap\"><div class=\"top\"><p><a href=\"/\">الرئيسية</a></p></div>"
        "<div class=\"col-main\"><h2>عودة الكهرباء إلى أحياء حمص</h2>"
        "<p>عادت الكهرباء إلى معظم أحياء مدينة حمص بعد انقطاع دام ثلاثة أيام بسبب عطل في المحطة.</p>"
        "<p>وقال مدير الشركة إن فرق الصيانة عملت على مدار الساعة لإصلاح الخطوط المتضررة.</p></div>"
        "<div class=\"col-left\"><p>أخبار أخرى: افتتاح معرض للكتاب في دمشق</p></div></div>"
        "</body></html>");
    assert_string_equal(a.text, "عودة الكهرباء إلى أحياء حمص\n"
                                "عادت الكهرباء إلى معظم أحياء مدينة حمص بعد انقطاع دام ثلاثة أيام "
                                "بسبب عطل في المحطة.\n"
                                "وقال مدير الشركة إن فرق الصيانة عملت على مدار الساعة لإصلاح الخطوط "
                                "المتضررة.");
    mz_html_article_clear(&a);
    /* a story split evenly over two blocks: neither holds 60%, the body is read */
    a = extract_ok("<html><body><div><p>الفقرة الأولى من الخبر وهي طويلة بما يكفي لتحسب فقرة.</p></div>"
                   "<div><p>الفقرة الثانية من الخبر وهي طويلة بما يكفي لتحسب فقرة.</p></div></body></html>");
    assert_non_null(strstr(a.text, "الفقرة الأولى"));
    assert_non_null(strstr(a.text, "الفقرة الثانية"));
    mz_html_article_clear(&a);
    /* a very long <title> is cut at 2,000 bytes, between two letters */
    mz_buf page = {0};
    mz_buf_puts(&page, "<html><head><title>x"); /* 1 + 3,000 bytes: byte 2,000 is mid-letter */
    for (int i = 0; i < 1500; i++)
        mz_buf_puts(&page, "ب");
    mz_buf_puts(&page, "</title></head><body><p>نص الخبر.</p></body></html>");
    a = extract_ok(page.p);
    assert_int_equal(strlen(a.title), 1999);
    assert_int_equal(mz_utf8_check(a.title, strlen(a.title), NULL), MZ_OK);
    mz_html_article_clear(&a);
    mz_buf_free(&page);
    /* schema.org articleBody wins over the <article> around it */
    a = extract_ok("<html><body><article><h1>عنوان</h1><div class=\"byline\">بقلم محرر</div>"
                   "<div itemprop=\"articleBody\"><p>نص الخبر وحده.</p></div></article>"
                   "<time datetime=\"2026-01-02\">2 يناير</time></body></html>");
    assert_string_equal(a.text, "نص الخبر وحده.");
    assert_string_equal(a.published, "2026-01-02");
    mz_html_article_clear(&a);
}

/* A class or id that says what an element has or sits beside, not what it
 * is (has-sidebar, main-with-sidebar, no-ads), does not make it furniture:
 * the story inside stays. */
static void test_state_classes(void **state)
{
    (void)state;
    mz_html_article a = extract_ok(
        "<html><body class=\"single has-sidebar\"><div class=\"top\"><a href=\"/\">الرئيسية</a></div>"
        "<div class=\"container main-with-sidebar\"><div class=\"details no-ads\">"
        "<p>أطلق مسلحون سراح الصحفي المختطف بعد أسبوعين من احتجازه في حي الجامعة.</p>"
        "<p>وقالت النقابة إن الصحفي وصل إلى منزله بصحة جيدة بعد الإفراج عنه.</p></div>"
        "<div class=\"sidebar-with-ads\"><p>الأكثر قراءة اليوم: انخفاض أسعار الذهب في الأسواق</p></div>"
        "</div></body></html>");
    assert_string_equal(a.text, "أطلق مسلحون سراح الصحفي المختطف بعد أسبوعين من احتجازه في حي الجامعة.\n"
                                "وقالت النقابة إن الصحفي وصل إلى منزله بصحة جيدة بعد الإفراج عنه.");
    mz_html_article_clear(&a);
}

/* Furniture named in camelCase (userComments, relatedNews) or as one
 * compound word (jp-relatedposts, sharedaddy): the readers' comments under
 * a div-soup story, longer than the story, do not become it; related posts
 * inside the story's block are dropped. */
static void test_compound_names(void **state)
{
    (void)state;
    mz_html_article a = extract_ok(
        "<html><body><div id=\"mainContainer\"><div class=\"rightCol\">"
        "<div id=\"articleBody\" class=\"articleCont\">"
        "<p>أكد وزير الزراعة أن موسم حصاد القمح هذا العام هو الأفضل منذ عشر سنوات.</p>"
        "<p>وأوضح الوزير أن الدولة استلمت ثلاثة ملايين طن من المزارعين حتى الآن.</p>"
        "<div class=\"sharedaddy sd-sharing-enabled\"><h3>شارك هذا:</h3></div>"
        "<div id=\"jp-relatedposts\" class=\"jp-relatedposts\"><p>ارتفاع أسعار الأسمدة في "
        "الجمعيات الزراعية بنسبة خمسة عشر بالمئة خلال أسبوع</p></div></div>"
        "<div class=\"relatedNews\"><p>مزارعو الدلتا يطالبون برفع سعر توريد الأرز قبل بدء الموسم</p></div>"
        "<div id=\"userComments\" class=\"commentsBox\">"
        "<div class=\"commentItem\"><p>كلام جميل لكن الفلاح لا يجد السماد في الجمعية ويشتريه من "
        "السوق السوداء بضعف الثمن، فأين الدعم؟</p></div>"
        "<div class=\"commentItem\"><p>المحصول عندنا كان ممتازا هذا العام والاستلام في الشونة كان "
        "سريعا، لكن صرف المستحقات تأخر كثيرا.</p></div>"
        "<div class=\"commentItem\"><p>الأفضل منذ عشر سنوات بسبب الجو وليس بسبب الوزارة، والتقاوي "
        "المحسنة لم تصل إلى قريتنا أصلا.</p></div></div>"
        "</div></div></body></html>");
    assert_string_equal(a.text, "أكد وزير الزراعة أن موسم حصاد القمح هذا العام هو الأفضل منذ عشر سنوات.\n"
                                "وأوضح الوزير أن الدولة استلمت ثلاثة ملايين طن من المزارعين حتى الآن.");
    mz_html_article_clear(&a);
}

/* A block that is mostly links (a "read also" box, a list of other stories,
 * a paragraph that only links to another story) is not the story; a
 * paragraph with a link in it is, and so is a headline that links to its
 * own page. A page of nothing but links is still read. */
static void test_link_lists(void **state)
{
    (void)state;
    mz_html_article a = extract_ok(
        "<html><body><article><h1><a href=\"/n/1\">البنك المركزي يثبت أسعار الفائدة</a></h1>"
        "<div class=\"article-content\">"
        "<p>قررت لجنة السياسة النقدية في <a href=\"/cb\">البنك المركزي</a> الإبقاء على أسعار "
        "الفائدة دون تغيير.</p>"
        "<p><a href=\"/n/2\">خبراء: خفض الفائدة قبل نهاية العام مستبعد في ظل التضخم</a></p>"
        "<p>اقرأ أيضا: <a href=\"/n/3\">تراجع عائد أذون الخزانة في عطاء الأحد إلى أدنى مستوى</a></p>"
        "<div class=\"box\"><h4>اقرأ أيضاً</h4><ul><li><a href=\"/n/4\">الدفاع المدني يحذر من "
        "السباحة في السدود</a></li><li><a href=\"/n/5\">مزارعو التفاح يشكون من تراجع الأسعار</a>"
        "</li></ul></div>"
        "<p>وقالت اللجنة في بيان إن القرار يتسق مع هدف خفض التضخم.</p></div></article>"
        "</body></html>");
    assert_string_equal(a.text, "البنك المركزي يثبت أسعار الفائدة\n"
                                "قررت لجنة السياسة النقدية في البنك المركزي الإبقاء على أسعار "
                                "الفائدة دون تغيير.\n"
                                "وقالت اللجنة في بيان إن القرار يتسق مع هدف خفض التضخم.");
    mz_html_article_clear(&a);
    a = extract_ok("<html><body><ul><li><a href=\"/a\">الرئيسية</a></li><li><a href=\"/b\">أخبار"
                   "</a></li></ul></body></html>");
    assert_string_equal(a.text, "الرئيسية\nأخبار");
    mz_html_article_clear(&a);
    /* links side by side with no space between them stay apart (a glued
     * «رويترزالأناضول» is a word nobody wrote); a link inside a word, or
     * text right after a link, is left as written */
    a = extract_ok("<html><body><article><p>قال وزير الطاقة إن محطة الكهرباء الجديدة ستدخل الخدمة "
                   "قبل الصيف، وإن العمل فيها بلغ مراحله الأخيرة. المصادر: <a href=\"/s/1\">رويترز"
                   "</a><a href=\"/s/2\"><span>الأناضول</span></a><span><a href=\"/s/3\">سانا</a>"
                   "</span>، و<a href=\"/s/4\">الوطن</a>.</p></article></body></html>");
    assert_string_equal(a.text, "قال وزير الطاقة إن محطة الكهرباء الجديدة ستدخل الخدمة قبل الصيف، وإن "
                                "العمل فيها بلغ مراحله الأخيرة. المصادر: رويترز الأناضول سانا، والوطن.");
    mz_html_article_clear(&a);
}

/* The story's block found where its paragraphs are not <p>s: text between
 * <br>s, or a <div> per paragraph; the masthead (with today's date), the
 * menu and the list of other stories stay out. */
static void test_paragraphs_without_p(void **state)
{
    (void)state;
    mz_html_article a = extract_ok(
        "<html><body><div id=\"header\"><div class=\"logo\">الأنباء المغاربية</div>"
        "<div class=\"today\">الاثنين 22 يناير 2018</div></div>"
        "<div class=\"news-detail\"><div class=\"news-body\">"
        "صادق مجلس النواب في جلسة عامة مساء الأحد على مشروع قانون الاستثمار الجديد.<br><br>"
        "وينص القانون على شباك موحد للمستثمرين يختصر آجال الحصول على التراخيص.<br></div></div>"
        "<div class=\"more-news\"><div>أخبار أخرى</div><div><a href=\"/1\">وزير المالية يعرض "
        "مشروع قانون المالية للسنة المقبلة أمام اللجنة</a></div></div></body></html>");
    assert_string_equal(a.text, "صادق مجلس النواب في جلسة عامة مساء الأحد على مشروع قانون الاستثمار "
                                "الجديد.\nوينص القانون على شباك موحد للمستثمرين يختصر آجال الحصول على "
                                "التراخيص.");
    mz_html_article_clear(&a);
    a = extract_ok(
        "<html><body><div class=\"page-header\">جريدة السهول</div>"
        "<div class=\"article-text\"><div>انطلق موسم قطاف الزيتون في قرى السهل الشرقي هذا الأسبوع "
        "وسط توقعات بإنتاج وفير.</div><div>وقال رئيس الاتحاد التعاوني إن المعاصر بدأت استقبال "
        "الثمار منذ يوم الأحد الماضي.</div></div>"
        "<div class=\"side\"><div><a href=\"/n/1\">إغلاق الطريق الدولي بسبب أعمال صيانة في الجسر "
        "الرئيسي</a></div></div></body></html>");
    assert_string_equal(a.text, "انطلق موسم قطاف الزيتون في قرى السهل الشرقي هذا الأسبوع وسط توقعات "
                                "بإنتاج وفير.\nوقال رئيس الاتحاد التعاوني إن المعاصر بدأت استقبال الثمار "
                                "منذ يوم الأحد الماضي.");
    mz_html_article_clear(&a);
    /* a <pre> keeps its line breaks as lines (an old site's story, a
     * statement pasted as it was sent); blank lines still go */
    a = extract_ok("<html><body><article><pre>بيان صادر عن نقابة المعلمين\n\n"
                   "   تعلن النقابة تعليق الإضراب اعتبارا من يوم الأحد.\r\n"
                   "وتدعو المعلمين إلى العودة إلى   مدارسهم.</pre></article></body></html>");
    assert_string_equal(a.text, "بيان صادر عن نقابة المعلمين\nتعلن النقابة تعليق الإضراب اعتبارا من يوم "
                                "الأحد.\nوتدعو المعلمين إلى العودة إلى مدارسهم.");
    mz_html_article_clear(&a);
}

/* A page whose <article>s are cards of other stories, its own story in a
 * <div>: the story, not the largest card. */
static void test_teaser_articles(void **state)
{
    (void)state;
    mz_html_article a = extract_ok(
        "<html><body><div class=\"story-page\"><h1>تراجع أعداد السياح الوافدين</h1>"
        "<div class=\"story-content\">"
        "<p>أظهرت بيانات رسمية تراجع أعداد السياح الوافدين بنسبة عشرين بالمئة خلال الربع الثالث.</p>"
        "<p>وعزت الوزارة التراجع إلى ارتفاع أسعار تذاكر الطيران وإلغاء عدد من الرحلات المباشرة.</p>"
        "<p>وقال رئيس جمعية الفنادق إن نسب الإشغال لم تتجاوز خمسين بالمئة في ذروة الموسم.</p>"
        "</div></div><section class=\"more-stories\">"
        "<article class=\"card\"><h3><a href=\"/s/1\">افتتاح ثلاثة فنادق جديدة</a></h3><p>أعلنت "
        "هيئة الاستثمار السياحي عن افتتاح ثلاثة فنادق جديدة في المنطقة الجبلية بطاقة ستمئة غرفة، "
        "في إطار خطة لتنويع الوجهات السياحية.</p></article>"
        "<article class=\"card\"><h3><a href=\"/s/2\">رحلات مباشرة</a></h3><p>تبدأ شركة طيران "
        "خاصة تسيير رحلات مباشرة إلى ثلاث مدن أوروبية.</p></article></section></body></html>");
    assert_string_equal(a.text, "أظهرت بيانات رسمية تراجع أعداد السياح الوافدين بنسبة عشرين بالمئة خلال "
                                "الربع الثالث.\nوعزت الوزارة التراجع إلى ارتفاع أسعار تذاكر الطيران وإلغاء "
                                "عدد من الرحلات المباشرة.\nوقال رئيس جمعية الفنادق إن نسب الإشغال لم "
                                "تتجاوز خمسين بالمئة في ذروة الموسم.");
    mz_html_article_clear(&a);
}

/* A <title> that adds the site's name (or a section's) to the headline,
 * before or after it, when the page does not name its site: the title is
 * the part the page shows as its headline (its <h1>, or a line of the
 * story); the site's name, when the page has no address, is the outer part. */
static void test_title_site(void **state)
{
    (void)state;
    mz_html_article a = extract_ok(
        "<html><head><title>صحيفة الميدان | المحكمة الدستورية تلغي نتائج الانتخابات</title></head>"
        "<body><article><h1>المحكمة الدستورية تلغي نتائج الانتخابات</h1><p>قضت المحكمة بإلغاء "
        "نتائج الانتخابات البلدية في ثلاث دوائر.</p></article></body></html>");
    assert_string_equal(a.title, "المحكمة الدستورية تلغي نتائج الانتخابات");
    assert_string_equal(a.source, "صحيفة الميدان");
    mz_html_article_clear(&a);
    a = extract_ok(
        "<html><head><title>عودة العائلات إلى قرى الريف - أخبار محلية - شبكة الفرات</title>"
        "<link rel=\"canonical\" href=\"https://furat.example/n/9\"></head><body><table><tr>"
        "<td class=\"title\">عودة العائلات إلى قرى الريف</td></tr><tr><td>عادت مئات العائلات "
        "النازحة إلى قراها في الريف الغربي بعد توقف المعارك.</td></tr></table></body></html>");
    assert_string_equal(a.title, "عودة العائلات إلى قرى الريف");
    assert_null(a.source); /* the address's host, at ingest */
    mz_html_article_clear(&a);
    /* a dash of the headline's own: nothing to split off */
    a = extract_ok("<html><head><title>الوزير - كما قال أمس - لن يستقيل</title></head><body>"
                   "<h1>الوزير - كما قال أمس - لن يستقيل</h1><p>قال الوزير إنه لن يستقيل من منصبه "
                   "رغم الانتقادات.</p></body></html>");
    assert_string_equal(a.title, "الوزير - كما قال أمس - لن يستقيل");
    assert_null(a.source);
    mz_html_article_clear(&a);
}

/* A page with no publication time in its metadata: the date line right
 * under its headline, where the page shows it (outside the story's block
 * too); not the masthead's date of the day the page was saved. */
static void test_date_under_headline(void **state)
{
    (void)state;
    static const char *page =
        "<html><head><title>البرلمان يقر قانون الاستثمار الجديد</title></head><body>"
        "<div id=\"header\"><div class=\"logo\">الأنباء المغاربية</div>"
        "<div class=\"today\">الاثنين 22 يناير 2018</div></div>"
        "<div class=\"news-detail\"><div class=\"news-title\">البرلمان يقر قانون الاستثمار الجديد"
        "</div><div class=\"news-date\">%s</div><div class=\"news-body\">"
        "<p>صادق مجلس النواب في جلسة عامة مساء الأحد على مشروع قانون الاستثمار الجديد.</p>"
        "<p>وينص القانون على شباك موحد للمستثمرين يختصر آجال الحصول على التراخيص.</p>"
        "</div></div></body></html>";
    char html[2048];
    snprintf(html, sizeof html, page, "الأحد 15/10/2017 - 18:40");
    mz_html_article a = extract_ok(html);
    assert_string_equal(a.published, "2017-10-15");
    mz_html_article_clear(&a);
    snprintf(html, sizeof html, page, "بقلم المحرر");
    a = extract_ok(html);
    assert_null(a.published);
    mz_html_article_clear(&a);
}

/* Furniture inside the story's own block that no list caught: AMP ad and
 * embed slots with their placeholders, a news ticker (<marquee>, or a class
 * that says so), text for screen readers only, the author's box and bio,
 * article tools, a rating, sponsored widgets (Taboola, Outbrain), a
 * "read also" card. */
static void test_more_furniture(void **state)
{
    (void)state;
    mz_html_article a = extract_ok(
        "<html><body><article>"
        "<marquee>عاجل: انقطاع الاتصالات في المنطقة الشرقية</marquee>"
        "<div class=\"breaking-news ticker\"><ul><li>الرئيس يصدر مرسوما بتعيين محافظ جديد</li></ul></div>"
        "<a class=\"skip-link screen-reader-text\" href=\"#c\">انتقل إلى المحتوى</a>"
        "<span class=\"sr-only\">تصفح الصور</span><div class=\"visually-hidden\">الخبر التالي</div>"
        "<ul class=\"article-tools\"><li>حجم الخط</li><li>2٬345 مشاهدة</li></ul>"
        "<p>انطلقت فعاليات معرض الكتاب الدولي بمشاركة أربعمئة دار نشر.</p>"
        "<amp-ad width=\"300\" type=\"doubleclick\"><div placeholder>جار تحميل الإعلان</div></amp-ad>"
        "<amp-embed type=\"taboola\"><div placeholder>محتوى قد يعجبك من شركائنا</div></amp-embed>"
        "<div class=\"alsoRead\"><div>اقرأ أيضا</div><span>منظمة دولية تحذر من سوء التغذية</span></div>"
        "<p>ويضم المعرض جناحا خاصا لكتب الأطفال وبرنامجا ثقافيا.</p>"
        "<div id=\"taboola-below-article\"><span>شاهد كيف أصبحت بطلة المسلسل الشهير</span></div>"
        "<div class=\"OUTBRAIN\"><span>طبيب يكشف عن مشروب طبيعي</span></div>"
        "<div class=\"rating\">قيم هذا الخبر</div>"
        "<div class=\"author-box\"><div>هبة الخطيب</div><p>صحفية متخصصة في الشؤون الاجتماعية منذ "
        "عام 2010.</p></div></article></body></html>");
    assert_string_equal(a.text, "انطلقت فعاليات معرض الكتاب الدولي بمشاركة أربعمئة دار نشر.\n"
                                "ويضم المعرض جناحا خاصا لكتب الأطفال وبرنامجا ثقافيا.");
    mz_html_article_clear(&a);
}

/* Photo captions are not the story: a <figcaption>, WordPress's
 * wp-caption, a caption field. The figure's image has no text; a table's
 * own <caption> (its title) stays. */
static void test_captions(void **state)
{
    (void)state;
    mz_html_article a = extract_ok(
        "<html><body><main><h1>آلاف يتظاهرون في وسط العاصمة</h1>"
        "<figure><img src=\"/a.jpg\" alt=\"\"><figcaption>متظاهرون أمام مبنى البرلمان (رويترز)"
        "</figcaption></figure>"
        "<p>تظاهر آلاف المواطنين في وسط العاصمة احتجاجا على رفع أسعار الوقود.</p>"
        "<div class=\"wp-caption alignnone\"><img src=\"/b.jpg\" alt=\"\"><p class=\"wp-caption-text\">"
        "طوابير أمام إحدى محطات الوقود</p></div>"
        "<div class=\"field--name-field-image-caption\">ساعة الحائط في ساحة البلدية</div>"
        "<table><caption>أسعار الوقود الجديدة</caption><tr><td>البنزين: 1200 ليرة</td></tr></table>"
        "</main></body></html>");
    assert_string_equal(a.text, "آلاف يتظاهرون في وسط العاصمة\n"
                                "تظاهر آلاف المواطنين في وسط العاصمة احتجاجا على رفع أسعار الوقود.\n"
                                "أسعار الوقود الجديدة\nالبنزين: 1200 ليرة");
    mz_html_article_clear(&a);
}

/* "<![CDATA[...]]>" around a title or a paragraph (XHTML templates, feeds
 * turned into pages): the HTML parser reads it as text, and the stored
 * title was "<![CDATA[انفجار في ميناء المدينة]]>", its index terms "cdata"
 * among them. The content is the text, the wrapper nothing; "]]>" with no
 * wrapper open is text. */
static void test_cdata_wrappers(void **state)
{
    (void)state;
    mz_html_article a = extract_ok(
        "<!DOCTYPE html><html><head><title><![CDATA[انفجار في ميناء المدينة]]></title>"
        "<meta property=\"og:site_name\" content=\"<![CDATA[أخبار الساحل]]>\"></head><body>"
        "<article><h1><![CDATA[انفجار في ميناء المدينة]]></h1>"
        "<p>وقع انفجار في ميناء المدينة مساء الثلاثاء وأدى إلى سقوط جرحى بحسب مصادر طبية.</p>"
        "<p><![CDATA[وقالت السلطات إن <b>التحقيق</b> جار لمعرفة أسبابه]]> منذ الصباح.</p>"
        "<p>رمز غريب ]]> في النص يبقى كما هو في الخبر المنشور.</p>"
        "</article></body></html>");
    assert_string_equal(a.title, "انفجار في ميناء المدينة");
    assert_string_equal(a.source, "أخبار الساحل");
    assert_string_equal(a.text, "انفجار في ميناء المدينة\n"
                                "وقع انفجار في ميناء المدينة مساء الثلاثاء وأدى إلى سقوط جرحى بحسب "
                                "مصادر طبية.\n"
                                "وقالت السلطات إن التحقيق جار لمعرفة أسبابه منذ الصباح.\n"
                                "رمز غريب ]]> في النص يبقى كما هو في الخبر المنشور.");
    mz_html_article_clear(&a);
}

/* JSON-LD (schema.org) metadata when the page has no Open Graph tags, and
 * its articleBody when the markup holds no story (rendered by a script). */
static void test_json_ld(void **state)
{
    (void)state;
    mz_html_article a = extract_ok(
        "<html><head><title>الصفحة الرئيسية</title>"
        "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":["
        "{\"@type\":\"WebPage\",\"name\":\"صفحة\"},"
        "{\"@type\":\"NewsArticle\",\"headline\":\"  افتتاح جسر\\nفي حمص \","
        "\"datePublished\":\"2026-02-03T08:00:00Z\",\"publisher\":{\"@type\":\"Organization\","
        "\"name\":\"وكالة العاصي\"},\"mainEntityOfPage\":{\"@id\":\"https://asi.example/n/5\"}}]}"
        "</script><script type=\"application/ld+json\">{not json</script></head>"
        "<body><article><p>افتتحت البلدية جسرا جديدا.</p></article></body></html>");
    assert_string_equal(a.title, "افتتاح جسر في حمص");
    assert_string_equal(a.source, "وكالة العاصي");
    assert_string_equal(a.published, "2026-02-03T08:00:00Z");
    assert_string_equal(a.url, "https://asi.example/n/5");
    assert_string_equal(a.text, "افتتحت البلدية جسرا جديدا.");
    mz_html_article_clear(&a);
    a = extract_ok("<html><head><script type=\"application/ld+json\">[{\"@type\":[\"NewsArticle\"],"
                   "\"headline\":\"عودة الكهرباء\",\"articleBody\":\"عادت الكهرباء إلى حمص.\\n\\n"
                   "  وقال مدير الشركة   إن الإصلاح انتهى.\"}]</script></head>"
                   "<body><div id=\"app\"></div><script>render()</script></body></html>");
    assert_string_equal(a.text, "عادت الكهرباء إلى حمص.\nوقال مدير الشركة إن الإصلاح انتهى.");
    assert_string_equal(a.title, "عودة الكهرباء");
    mz_html_article_clear(&a);
    /* a script-rendered page whose markup holds only the site's links and
     * footer: the JSON-LD story, not the furniture */
    a = extract_ok("<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
                   "\"articleBody\":\"وصلت إلى الميناء أول شحنة من لقاحات الأطفال ضمن اتفاق مع "
                   "منظمة دولية.\\nوقال مدير الميناء إن الشحنة نقلت إلى مستودعات مبردة.\"}</script>"
                   "</head><body><div id=\"__next\"><div class=\"Header_bar\"><a href=\"/\">منصة "
                   "البحر</a></div><div class=\"Footer\"><p>منصة البحر 2018</p></div></div></body></html>");
    assert_string_equal(a.text, "وصلت إلى الميناء أول شحنة من لقاحات الأطفال ضمن اتفاق مع منظمة دولية.\n"
                                "وقال مدير الميناء إن الشحنة نقلت إلى مستودعات مبردة.");
    mz_html_article_clear(&a);
    /* a markup story as long as the JSON-LD one stays (its paragraphs are
     * the page's) */
    a = extract_ok("<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
                   "\"articleBody\":\"عادت الكهرباء إلى حمص بعد انقطاع.\"}</script></head><body>"
                   "<article><p>عادت الكهرباء إلى أحياء حمص بعد انقطاع.</p></article></body></html>");
    assert_string_equal(a.text, "عادت الكهرباء إلى أحياء حمص بعد انقطاع.");
    mz_html_article_clear(&a);
    /* a body given as HTML (its paragraphs in <p>s, entities escaped): the
     * text, a paragraph a line, not the tags; a "<" in plain text stays */
    a = extract_ok("<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
                   "\"articleBody\":\"<p>ارتفع منسوب النهر إلى 5 أمتار&nbsp;فوق المعدل.</p><p>وقال "
                   "مدير السد إن &quot;الوضع تحت السيطرة&quot;.<br>وأضاف أن الفرق جاهزة.</p>\"}"
                   "</script></head><body><div id=\"root\"></div></body></html>");
    assert_string_equal(a.text, "ارتفع منسوب النهر إلى 5 أمتار\xC2\xA0فوق المعدل.\n"
                                "وقال مدير السد إن \"الوضع تحت السيطرة\".\nوأضاف أن الفرق جاهزة.");
    mz_html_article_clear(&a);
    a = extract_ok("<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
                   "\"articleBody\":\"بلغت نسبة النجاح < 60 بالمئة في المدارس الريفية & المدن.\"}"
                   "</script></head><body><div id=\"root\"></div></body></html>");
    assert_string_equal(a.text, "بلغت نسبة النجاح < 60 بالمئة في المدارس الريفية & المدن.");
    mz_html_article_clear(&a);
}

/* The byline: article:author when it is a name (a profile URL is not),
 * else <meta name="author">, else the JSON-LD author's name(s); a page
 * that names none has none. */
/* 40 words, 470 bytes: more than a byline (MZ_AUTHOR_MAX, 300) */
#define LONG_AUTHOR_8 "موقع إخباري يغطي أخبار الساحل والمدن السورية يوميا "
#define LONG_AUTHOR LONG_AUTHOR_8 LONG_AUTHOR_8 LONG_AUTHOR_8 LONG_AUTHOR_8 LONG_AUTHOR_8

static void test_authors(void **state)
{
    (void)state;
    static const char body[] = "<body><article><p>افتتحت البلدية جسرا جديدا فوق النهر.</p></article></body></html>";
    struct { const char *head, *author; } cases[] = {
        {"<meta property=\"article:author\" content=\"سامر الحلبي\">"
         "<meta name=\"author\" content=\"الساحل اليوم\">", "سامر الحلبي"},
        {"<meta property=\"article:author\" content=\"https://www.facebook.com/samer\">"
         "<meta name=\"author\" content=\"  ليلى\n حداد \">", "ليلى حداد"},
        {"<meta property=\"article:author\" content=\"https://sahil.example/author/samer\">", NULL},
        {"<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":[{\"@type\":"
         "\"Person\",\"name\":\"سامر الحلبي\"},{\"@type\":\"Person\",\"name\":\"ليلى حداد\","
         "\"url\":\"https://sahil.example/u/2\"}]}</script>", "سامر الحلبي، ليلى حداد"},
        {"<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":"
         "{\"@type\":\"Person\",\"name\":\"مراسل الوكالة\"}}</script>"
         "<meta name=\"author\" content=\"سامر الحلبي\">", "سامر الحلبي"},
        {"<title>جسر</title>", NULL},
        /* the site's own name in the meta author: the JSON-LD's writer is
         * taken instead (it was «الساحل اليوم», and the store then dropped
         * it as the site's name, so the page had no author at all) */
        {"<meta property=\"og:site_name\" content=\"الساحل اليوم\">"
         "<meta name=\"author\" content=\"الساحل اليوم\">"
         "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":"
         "{\"@type\":\"Person\",\"name\":\"سامر الحلبي\"}}</script>", "سامر الحلبي"},
        {"<meta property=\"og:url\" content=\"https://www.sahil-today.example/news/1\">"
         "<meta name=\"author\" content=\"Sahil-Today\">", NULL},
        /* a meta author the store drops (a paragraph, over MZ_AUTHOR_MAX):
         * the JSON-LD's writer is taken (the page used to have none) */
        {"<meta name=\"author\" content=\"" LONG_AUTHOR "\">"
         "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":"
         "{\"@type\":\"Person\",\"name\":\"سامر الحلبي\"}}</script>", "سامر الحلبي"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char html[2048];
        snprintf(html, sizeof html, "<html><head>%s</head>%s", cases[i].head, body);
        mz_html_article a = extract_ok(html);
        if (cases[i].author)
            assert_string_equal(a.author, cases[i].author);
        else
            assert_null(a.author);
        mz_html_article_clear(&a);
    }
}

static void test_encodings(void **state)
{
    (void)state;
    /* «أفرج لواء الوادي» in Windows-1256, declared: read as such, stored as UTF-8 */
    mz_html_article a = extract_ok(
        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1256\">"
        "</head><body><p>\xc3\xdd\xd1\xcc \xe1\xe6\xc7\xc1 \xc7\xe1\xe6\xc7\xcf\xed</p></body></html>");
    assert_string_equal(a.text, "أفرج لواء الوادي");
    mz_html_article_clear(&a);
    /* a page saved as UTF-8 that kept its old windows-1256 meta: read as UTF-8 */
    a = extract_ok("<html><head><meta charset=\"windows-1256\"></head><body><p>أفرج لواء الوادي"
                   "</p></body></html>");
    assert_string_equal(a.text, "أفرج لواء الوادي");
    mz_html_article_clear(&a);
    /* a bad byte in a page that says it is UTF-8: refused, not read as Latin-1 */
    mz_error e2 = {0};
    const char *cut = "<html><head><meta charset=\"utf-8\"></head><body><p>أفرج \xd8 لواء</p></body></html>";
    assert_int_equal(mz_html_extract(cut, strlen(cut), "cut.html", &a, &e2), MZ_ERR_UTF8);
    assert_non_null(strstr(e2.msg, "cut.html: invalid UTF-8 at byte offset 59"));
    /* the same bytes with no charset declared: refused, with the hint */
    mz_error err = {0};
    const char *bad = "<html><body><p>\xc3\xdd\xd1\xcc \xe1\xe6\xc7\xc1 \xc7\xe1\xe6\xc7\xcf\xed"
                      "</p></body></html>";
    assert_int_equal(mz_html_extract(bad, strlen(bad), "old.html", &a, &err), MZ_ERR_UTF8);
    assert_non_null(strstr(err.msg, "old.html: invalid UTF-8 at byte offset 15"));
    assert_non_null(strstr(err.msg, "iconv -f WINDOWS-1256"));
    assert_null(a.text);
    /* a charset that cannot be read: refused, not read as Latin-1 mojibake */
    const char *klingon = "<html><head><meta charset=\"x-klingon\"></head><body><p>"
                          "\xc3\xdd\xd1\xcc \xe1\xe6\xc7\xc1</p></body></html>";
    assert_int_equal(mz_html_extract(klingon, strlen(klingon), "k.html", &a, &err), MZ_ERR_UTF8);
    assert_non_null(strstr(err.msg, "charset 'x-klingon'"));
    assert_null(a.text);
}

/* Deep nesting: past 256 elements libxml2 used to stop parsing, silently,
 * and the story was cut to what came before; now up to 2048 is read whole,
 * and deeper is refused (the walkers recurse: 800,000 crashed them). */
static void test_deep_nesting(void **state)
{
    (void)state;
    static const char story[] = "<p>قالت وكالة الأنباء إن المفاوضات انتهت دون اتفاق بين الطرفين</p>";
    size_t cap = 2048 * 6 * 2 + 1024;
    char *html = malloc(cap);
    strcpy(html, "<html><body>");
    for (int i = 0; i < 300; i++)
        strcat(html, "<span>");
    strcat(html, story);
    strcat(html, "<p>وأضافت أن جولة جديدة ستعقد الشهر المقبل في جنيف</p></body></html>");
    mz_html_article a = extract_ok(html);
    assert_non_null(strstr(a.text, "جولة جديدة ستعقد"));
    mz_html_article_clear(&a);
    strcpy(html, "<html><body>");
    for (int i = 0; i < 2100; i++)
        strcat(html, "<div>");
    strcat(html, story);
    strcat(html, "</body></html>");
    mz_error err = {0};
    assert_int_equal(mz_html_extract(html, strlen(html), "deep.html", &a, &err), MZ_ERR_TOO_LARGE);
    assert_non_null(strstr(err.msg, "nested more than 2048 deep"));
    assert_null(a.text);
    free(html);
}

static void test_errors(void **state)
{
    (void)state;
    mz_html_article a;
    mz_error err = {0};
    const char *empty = "<!DOCTYPE html><html><head><title>صفحة</title></head><body>"
                        "<nav>القائمة</nav><script>x()</script></body></html>";
    assert_int_equal(mz_html_extract(empty, strlen(empty), "e.html", &a, &err), MZ_ERR_EMPTY);
    assert_non_null(strstr(err.msg, "e.html: an HTML page with no text"));
    assert_int_equal(mz_html_extract("<html>\0<p>x</p>", 15, "n.html", &a, &err), MZ_ERR_BINARY);
    assert_int_equal(mz_html_extract("", 0, "z.html", &a, &err), MZ_ERR_EMPTY);
    assert_null(a.text);
    /* a page saved as UTF-16 ("Unicode" in Windows tools) gets a hint, not "binary" */
    static const char u16[] = "\xFF\xFE<\0p\0>\0\x46\x06\x41\x06";
    assert_int_equal(mz_html_extract(u16, sizeof u16 - 1, "u.html", &a, &err), MZ_ERR_UTF8);
    assert_non_null(strstr(err.msg, "u.html: not UTF-8; it is UTF-16 text (it starts with a byte "
                                    "order mark): convert it with `iconv -f UTF-16 -t UTF-8`"));
}

static void test_sniff(void **state)
{
    (void)state;
    const char *plain = "أفرج لواء الوادي عن 40 أسيرا";
    assert_true(mz_html_sniff("saved/PAGE.HTML", plain, strlen(plain)));
    assert_true(mz_html_sniff("a.htm", plain, strlen(plain)));
    assert_false(mz_html_sniff("a.txt", plain, strlen(plain)));
    assert_false(mz_html_sniff(NULL, plain, strlen(plain)));
    const char *doc = "\xEF\xBB\xBF \n<!doctype HTML><p>نص</p>";
    assert_true(mz_html_sniff("stdin", doc, strlen(doc)));
    assert_true(mz_html_sniff("x", "<HTML><body>", 12));
    /* a text that merely starts with a tag is not taken for a page */
    assert_false(mz_html_sniff("x.txt", "<p>نص</p>", strlen("<p>نص</p>")));
    /* XHTML as a server sends it, its XML declaration first: it was stored
     * as the article "<?xml version=...?>" (the rest dropped as markup) */
    const char *xhtml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- saved -->\n"
                        "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" \"x.dtd\">\n"
                        "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>نص</p>";
    assert_true(mz_html_sniff(NULL, xhtml, strlen(xhtml)));
    const char *sitemap = "<?xml version=\"1.0\"?><urlset><url>x</url></urlset>";
    assert_false(mz_html_sniff(NULL, sitemap, strlen(sitemap)));
}

/* `mizan ingest` of a saved page: the story stored with the page's title,
 * address and site; the same page again is a duplicate. */
static void test_ingest_page(void **state)
{
    (void)state;
    char *dir = tmpdir_new();
    char *db_path = path_join(dir, "h.db");
    char *page = write_file(dir, "exchange.html", PAGE);
    mz_db *db;
    mz_error err = {0};
    assert_int_equal(mz_db_open(db_path, 0, &db, &err), MZ_OK);
    const char *paths[] = {page, page};
    mz_ingest_options opt = {0};
    mz_ingest_report rep = {0};
    assert_int_equal(mz_ingest_paths(db, paths, 2, &opt, &rep, &err), MZ_OK);
    assert_int_equal(rep.added, 1);
    assert_int_equal(rep.skipped, 1);
    mz_article a = {0};
    assert_int_equal(mz_article_get(db, 1, &a, &err), MZ_OK);
    assert_string_equal(a.title, "تبادل للأسرى في تل السنابل");
    assert_string_equal(a.source, "موقع الساحل");
    assert_string_equal(a.url, "https://sahil.example/news/2026/03/06/exchange");
    assert_non_null(strstr(a.body, "أفرج لواء الوادي يوم الجمعة"));
    assert_null(strstr(a.body, "<p>"));
    assert_null(strstr(a.body, "السكربت"));
    assert_null(strstr(a.body, "رياضة"));
    mz_article_clear(&a);
    mz_db_close(db);
    rm_rf(dir);
    free(dir);
    free(db_path);
    free(page);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_story_and_metadata),
        cmocka_unit_test(test_story_choice),
        cmocka_unit_test(test_state_classes),
        cmocka_unit_test(test_compound_names),
        cmocka_unit_test(test_link_lists),
        cmocka_unit_test(test_paragraphs_without_p),
        cmocka_unit_test(test_teaser_articles),
        cmocka_unit_test(test_title_site),
        cmocka_unit_test(test_date_under_headline),
        cmocka_unit_test(test_more_furniture),
        cmocka_unit_test(test_captions),
        cmocka_unit_test(test_cdata_wrappers),
        cmocka_unit_test(test_authors),
        cmocka_unit_test(test_json_ld),
        cmocka_unit_test(test_encodings),
        cmocka_unit_test(test_deep_nesting),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_sniff),
        cmocka_unit_test(test_ingest_page),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
