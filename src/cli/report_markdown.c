/*
 * report_markdown.c — `mizan check --format markdown`: the report for a
 * written piece, with its receipts.
 *
 * Arabic first: renderers that set each block's direction by its first
 * strong letter (GitHub and most editors: dir=auto per paragraph) show the
 * Arabic blocks right to left, and the English ones (the reason's English,
 * the numbers' details) left to right. Nothing is cut: the reader of a
 * written piece wants a quoted sentence whole, where the terminal cuts it to
 * a line. It still reads as plain text: headings, «label: value» lines,
 * quotes after "> ".
 *
 * Article text is not trusted (a scraped title may hold "[x](javascript:…)"
 * or "<img …>"): every piece of it is written by md_text, which folds line
 * breaks and escapes what Markdown would read as markup; a URL becomes a
 * link only when it is http(s), percent-encoding what would end or break
 * the link's destination (md_url).
 */
#include "cli/report.h"
#include "store/db.h" /* mz_clean_line, mz_origin_is_file */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *verdict_ar(mz_verdict v)
{
    switch (v) { /* the web page's words (web/app.js) */
    case MZ_SUPPORTED: return "مدعوم";
    case MZ_REFUTED: return "مدحوض";
    case MZ_DISPUTED: return "متنازع عليه";
    case MZ_NOT_ENOUGH_EVIDENCE: break;
    }
    return "أدلة غير كافية";
}

static const char *verdict_en(mz_verdict v)
{
    switch (v) { /* the terminal report's */
    case MZ_SUPPORTED: return "SUPPORTED";
    case MZ_REFUTED: return "REFUTED";
    case MZ_DISPUTED: return "DISPUTED";
    case MZ_NOT_ENOUGH_EVIDENCE: break;
    }
    return "NOT ENOUGH EVIDENCE";
}

static const char *stance_ar(mz_stance s)
{
    switch (s) {
    case MZ_AGREE: return "يؤيد";
    case MZ_DISAGREE: return "ينفي";
    case MZ_DISCUSS: return "يناقش";
    default: break;
    }
    return "غير ذي صلة";
}

static const char *cue_ar(const char *cue)
{
    static const char *const names[][2] = {
        {"denial", "نفي"},          {"attribution", "إسناد"},       {"hedging", "تحفّظ"},
        {"number_match", "رقم مطابق"}, {"number_mismatch", "رقم مخالف"}, {"assertion", "تأكيد"},
        {"overlap", "تطابق لفظي"},  {"conflict", "روايات متعارضة"}, {"as_usual", "سير الأمور كالمعتاد"},
    };
    for (size_t i = 0; cue && i < sizeof names / sizeof *names; i++)
        if (!strcmp(cue, names[i][0]))
            return names[i][1];
    return "دليل";
}

static bool space_byte(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* s[0, len) as Markdown inline text: white space runs (a body's line breaks)
 * folded to one space and the ends trimmed, so it stays in its block; a
 * backslash before every character Markdown (CommonMark, GFM) reads as
 * markup anywhere — \ ` * _ [ ] < > | ~ & — and before what opens a block
 * at the start of the text (# + - and "1." "1)"), since the text may follow
 * "> " or open a list item. */
static void md_text(FILE *f, const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && space_byte((unsigned char)s[i]))
        i++;
    while (len > i && space_byte((unsigned char)s[len - 1]))
        len--;
    bool at_start = true, space = false;
    for (; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (space_byte(c)) {
            space = true;
            continue;
        }
        if (space)
            fputc(' ', f);
        space = false;
        if (strchr("\\`*_[]<>|~&$", c) && c) /* $: math, where a renderer has it */
            fputc('\\', f);
        else if (at_start && (c == '#' || c == '+' || c == '-' || c == '='))
            fputc('\\', f);
        else if (at_start && c >= '0' && c <= '9') {
            size_t d = i;
            while (d < len && s[d] >= '0' && s[d] <= '9')
                d++;
            if (d < len && (s[d] == '.' || s[d] == ')')) { /* "1. " opens a list */
                fwrite(s + i, 1, d - i, f);
                fputc('\\', f);
                fputc(s[d], f);
                i = d;
                at_start = false;
                continue;
            }
        }
        fputc(c, f);
        at_start = false;
    }
}

static void md_str(FILE *f, const char *s)
{
    if (s)
        md_text(f, s, strlen(s));
}

/* Whether url is one a link may open: http or https. Another scheme
 * (javascript:, data:) is shown as text, never linked. */
static bool linkable(const char *url)
{
    return url && (!strncasecmp(url, "http://", 7) || !strncasecmp(url, "https://", 8));
}

/* url as a link destination: what would end it or be read as markup inside
 * it — white space and control bytes, ( ) < >, and the backslash that
 * escapes — percent-encoded (a space as %20, "(" as %28), so a Wikipedia
 * address "…/Raqqa_(city)" still opens its page. Arabic letters are left as
 * they are: renderers encode them, and the plain text stays readable. */
static void md_url(FILE *f, const char *url)
{
    for (const unsigned char *p = (const unsigned char *)url; *p; p++) {
        if (*p <= 0x20 || *p == 0x7f || strchr("()<>\\", *p))
            fprintf(f, "%%%02X", *p);
        else
            fputc(*p, f);
    }
}

/* s as a code span (a file path: no escapes inside one), with a fence one
 * backtick longer than any run of backticks in it. */
static void md_code(FILE *f, const char *s)
{
    size_t run = 0, longest = 0;
    for (const char *p = s; *p; p++) {
        run = *p == '`' ? run + 1 : 0;
        longest = run > longest ? run : longest;
    }
    bool pad = *s == '`' || (*s && s[strlen(s) - 1] == '`');
    for (size_t i = 0; i <= longest; i++)
        fputc('`', f);
    if (pad)
        fputc(' ', f);
    for (const char *p = s; *p; p++)
        fputc(space_byte((unsigned char)*p) ? ' ' : *p, f);
    if (pad)
        fputc(' ', f);
    for (size_t i = 0; i <= longest; i++)
        fputc('`', f);
}

/* A member's line: its title linked to its URL (else the title and the file
 * it came from, «الملف:», the terminal's "file:" receipt), its site, date
 * and id. */
static void md_member(FILE *f, const mz_check_member *m)
{
    const char *title = m->title && *m->title ? m->title : NULL;
    if (linkable(m->url)) {
        fputc('[', f);
        if (title)
            md_str(f, title);
        else
            fputs("(بلا عنوان)", f);
        fputs("](", f);
        md_url(f, m->url);
        fputc(')', f);
    } else {
        if (title)
            md_str(f, title);
        else
            fputs("(بلا عنوان)", f);
        if (m->url && *m->url) {
            fputs(" — الرابط: ", f);
            md_str(f, m->url);
        } else if (mz_origin_is_file(m->origin)) {
            fputs(" — الملف: ", f);
            md_code(f, m->origin);
        }
    }
    fputs(" — ", f);
    if (m->source && *m->source)
        md_str(f, m->source);
    else
        fputs("(بلا مصدر)", f);
    if (m->author && *m->author) {
        fputs(" — ", f);
        md_str(f, m->author);
    }
    if (m->published && *m->published) {
        fputs("، ", f);
        md_str(f, m->published);
    }
    fprintf(f, " (#%lld)\n\n", (long long)m->article_id);
    /* the other places an exact copy of it was published (places.c), as
     * many as the terminal lists, the others counted */
    for (size_t k = 0; k < m->places.n; k++) {
        if (k == REPORT_PLACES_SHOWN) {
            /* the count after «عدد…:» needs no number–noun agreement */
            fprintf(f, "وعدد المواضع الأخرى التي نُشر فيها: %zu (`mizan show %lld` يذكرها كلها)\n\n",
                    m->places.n - k, (long long)m->article_id);
            break;
        }
        const mz_place *p = &m->places.v[k];
        fputs("نُشر النص نفسه أيضًا في ", f);
        if (p->source && *p->source)
            md_str(f, p->source);
        else
            fputs("(بلا مصدر)", f);
        if (linkable(p->url)) {
            fputs(": [", f);
            md_str(f, p->url);
            fputs("](", f);
            md_url(f, p->url);
            fputc(')', f);
        } else if (p->url && *p->url) {
            fputs(" — الرابط: ", f);
            md_str(f, p->url);
        }
        if (p->published && *p->published) {
            fputs("، ", f);
            md_str(f, p->published);
        }
        fputs(" (an exact copy)\n\n", f);
    }
}

/* The label of a denial of another matter (report_denial_other). */
#define DENIAL_OTHER_AR "نفي لأمر آخر"

/* A sentence of the body, whole, as a blockquote under its label. */
static void md_quote(FILE *f, const char *label, const char *cue, const mz_check_member *m,
                     const mz_evidence *ev)
{
    fprintf(f, "%s", label);
    if (cue)
        fprintf(f, " (%s)", cue);
    fputs(":\n\n> ", f);
    md_text(f, m->body + ev->start, ev->end - ev->start);
    fputs("\n\n", f);
}

static bool same_text(const mz_check_member *a, const mz_evidence *ea, const mz_check_member *b,
                      const mz_evidence *eb)
{
    return ea->end - ea->start == eb->end - eb->start &&
           !memcmp(a->body + ea->start, b->body + eb->start, ea->end - ea->start);
}

static bool evidence_ok(const mz_check_member *m, const mz_evidence *ev)
{
    return m->body && ev->end <= m->body_len && ev->start < ev->end;
}

/* Whether sentence ev of member m was quoted already for an earlier member
 * of voice vo (near-copies repeat one story's sentences). */
static bool quoted_before(const mz_check_result *r, const mz_check_voice *vo, size_t upto,
                          const mz_check_member *m, const mz_evidence *ev)
{
    for (size_t j = 0; j < upto; j++) {
        const mz_check_member *o = &r->members[vo->members[j]];
        for (size_t e = 0; e < o->n_evidence; e++)
            if (evidence_ok(o, &o->evidence[e]) && same_text(o, &o->evidence[e], m, ev))
                return true;
        if (o->has_denial && evidence_ok(o, &o->denial) && same_text(o, &o->denial, m, ev))
            return true;
    }
    return false;
}

static void md_voice(FILE *f, const mz_check_result *r, size_t i)
{
    const mz_check_voice *vo = &r->voices[i];
    fprintf(f, "### الصوت %zu: %s (%s) %.2f\n\n", i + 1, stance_ar(vo->stance),
            mz_stance_name(vo->stance), vo->probs[vo->stance]);
    fputs("المواقع: ", f);
    for (size_t s = 0; s < vo->n_sources; s++) {
        fputs(s ? "، " : "", f);
        md_str(f, vo->sources[s]);
    }
    if (vo->n_sources == 0)
        fputs("(بلا مصدر)", f);
    fputs("\n\n", f);
    if (vo->n_members > 1)
        fprintf(f, "صوت واحد: نسخ من قصة واحدة أو مقالات موقع واحد (المقالات: %zu)\n\n",
                vo->n_members);
    if (vo->other_matter) /* verdict.c weigh_other_matter, as the terminal marks it */
        fputs("قرأه نموذج الموقف نافيًا، لكنه ينفي أمرًا آخر: وُزن غير ذي صلة بالادعاء "
              "(read disagree, but it denies another matter: weighed as unrelated)\n\n",
              f);
    else if (vo->topic_only) /* verdict.c weigh_topic_only, as the terminal marks it */
        fputs("قرأه نموذج الموقف مؤيدًا، لكنه لا ينقل إلا موضوع القصة: وُزن غير ذي صلة بالادعاء "
              "(read agree, but it tells only the story's topic: weighed as unrelated)\n\n",
              f);
    else if (vo->overtaken) /* overtaken.c */
        fputs("نفيٌ تذكره تقارير لاحقة على أنه سابق: لا يُوزن "
              "(a denial later reports tell as past: not weighed)\n\n",
              f);
    else if (vo->plan_before_move) /* plan_before_move.c, as the terminal marks it */
        fputs("ذكر يوم الادعاء قبل أن تنقل المصادر الحدث عنه: الموعد المقرر، لا يُوزن "
              "(gave the claim's day before the event was reported moved off it: the plan, not "
              "weighed)\n\n",
              f);
    else if (vo->corrects_claim) /* verdict.c weigh_correction */
        fputs("يصحح رقم الادعاء: وُزن نافيًا له "
              "(corrects the claim's number: weighed as disagreeing)\n\n",
              f);
    else if (vo->other_figure) /* verdict.c weigh_other_figure */
        fputs("ينقل الحدث برقم غير رقم الادعاء: وُزن نافيًا له "
              "(read agree, but gives another figure than the claim's: weighed as disagreeing)\n\n",
              f);
    else if (vo->other_winner) /* verdict.c weigh_other_winner */
        fputs("يسمّي فائزًا غير فائز الادعاء: وُزن نافيًا له "
              "(names another winner than the claim's: weighed as disagreeing)\n\n",
              f);
    else if (vo->moved_day) /* verdict.c weigh_moved_day, as the terminal marks it */
        fputs("ينقل تأجيل الحدث عن يوم الادعاء: وُزن نافيًا له "
              "(read agree, but tells the event was moved off the claim's day: weighed as "
              "disagreeing)\n\n",
              f);
    else if (vo->other_day)
        fputs("يذكر للحدث يومًا غير يوم الادعاء: وُزن نافيًا له "
              "(read agree, but gives the event another day than the claim's: weighed as "
              "disagreeing)\n\n",
              f);
    else if (!vo->counted)
        fprintf(f, "ضعيف الصلة بالادعاء: الوزن %.2f، لا يُحتسب\n\n", vo->weight);
    for (size_t j = 0; j < vo->n_members; j++) {
        const mz_check_member *m = &r->members[vo->members[j]];
        md_member(f, m);
        if (m->superseded_by) { /* an earlier version: its receipt, not its sentences */
            fprintf(f, "نسخة سابقة من المقال #%lld (الرابط نفسه، نص شبه مطابق): صُحّحت، فلا تُوزن "
                       "(superseded by #%lld, not weighed)\n\n",
                    (long long)m->superseded_by, (long long)m->superseded_by);
            continue;
        }
        bool denial_quoted = false;
        for (size_t e = 0; e < m->n_evidence; e++) {
            const mz_evidence *ev = &m->evidence[e];
            if (!evidence_ok(m, ev))
                continue;
            denial_quoted |= m->has_denial && ev->start == m->denial.start;
            if (quoted_before(r, vo, j, m, ev))
                continue;
            bool other = ev->cue && !strcmp(ev->cue, "denial") && report_denial_other(m, ev);
            md_quote(f, other ? DENIAL_OTHER_AR : cue_ar(ev->cue), report_cue_label(m, ev), m, ev);
        }
        if (m->has_denial && !denial_quoted && evidence_ok(m, &m->denial) &&
            !quoted_before(r, vo, j, m, &m->denial))
            md_quote(f, report_denial_other(m, &m->denial) ? DENIAL_OTHER_AR : "نفي",
                     report_denial_label(m, &m->denial), m, &m->denial);
    }
}

static bool voice_shown(const mz_check_result *r, const mz_check_voice *vo)
{
    if (vo->stance != MZ_UNRELATED || vo->other_matter || vo->topic_only) /* as the terminal */
        return true;
    for (size_t j = 0; j < vo->n_members; j++)
        if (r->members[vo->members[j]].has_denial && !r->members[vo->members[j]].superseded_by)
            return true; /* an unrelated voice is shown when it carries a denial, as in the terminal */
    return false;
}

static void md_numbers(FILE *f, const mz_check_result *r)
{
    bool any = false;
    for (size_t q = 0; q < r->n_numbers; q++) { /* all of them: the terminal's list stops at 8 */
        const mz_check_quantity *qt = &r->numbers[q];
        if (!report_quantity_listed(qt))
            continue;
        if (!any)
            fputs("### الأرقام في الأدلة\n\n", f);
        any = true;
        fputs("- ", f);
        const char *flag = report_quantity_flag(qt);
        if (qt->conflict)
            fputs("**تعارض (CONFLICT):** ", f);
        else if (qt->claim_earlier)
            fputs("**رقم الادعاء رقم سابق (THE CLAIM'S IS EARLIER):** ", f);
        else if (qt->claim_other_period) /* as the terminal's flag: the annual 26.4%, a monthly claim */
            fputs("**رقم الادعاء رقم فترة أخرى (ANOTHER PERIOD'S):** ", f);
        else if (*flag)
            fputs("**ليس رقم الادعاء (NOT THE CLAIM'S):** ", f);
        mz_buf b = {0};
        if (report_quantity_text(&b, qt) == 0 && b.p)
            md_text(f, b.p, b.len);
        mz_buf_free(&b);
        fputc('\n', f);
    }
    if (any)
        fputc('\n', f);
}

/* In a batch, which input the section answers: its line in the claims file
 * and the JSONL line's id, so an editor can join it to her list (the
 * reports had neither, and a bad line's missing report shifted every count). */
static void md_where(FILE *f, size_t line, const char *id)
{
    if (!line)
        return;
    fprintf(f, "**السطر (line):** %zu", line);
    if (id) {
        fputs(" · **المعرّف (id):** ", f);
        md_str(f, id);
    }
    fputs("\n\n", f);
}

void report_markdown_error(FILE *f, size_t line, const char *id, const char *claim,
                           const char *error)
{
    fputs("## لم يُفحص (NOT CHECKED)\n\n", f);
    md_where(f, line, id);
    if (claim && claim[strspn(claim, " \t")]) { /* an empty claim has nothing to show */
        char *clean = mz_strdup(claim);
        if (clean)
            mz_clean_line(clean);
        fputs("**الادعاء:** ", f);
        md_str(f, clean ? clean : "");
        free(clean);
        fputs("\n\n", f);
    }
    fputs("**الخطأ (error):** ", f);
    md_str(f, error);
    fputs("\n", f);
}

int report_markdown(FILE *f, const mz_check_result *r, size_t line, const char *id, time_t now)
{
    mz_verdict v = mz_check_verdict(r);
    fprintf(f, "## الحكم: %s (%s) — الثقة %.2f\n\n", verdict_ar(v), verdict_en(v),
            mz_check_confidence(r));
    md_where(f, line, id);
    /* the claim may come from someone else's file: control characters and
     * bidi overrides become spaces, as in the terminal report */
    char *claim = mz_strdup(r->claim);
    if (claim)
        mz_clean_line(claim);
    fputs("**الادعاء:** ", f);
    md_str(f, claim ? claim : "");
    free(claim);
    fputs("\n\n**السبب:** ", f);
    md_str(f, mz_check_reason_ar(r));
    fputs("\n\n**Reason:** ", f);
    md_str(f, mz_check_reason(r));
    fputs("\n\n", f);
    if (r->note_ar && strcmp(r->note_ar, mz_check_reason_ar(r))) {
        fputs("**ملاحظة:** ", f);
        md_str(f, r->note_ar);
        fputs("\n\n", f);
    }
    if (r->note && strcmp(r->note, mz_check_reason(r))) {
        fputs("**Note:** ", f);
        md_str(f, r->note);
        fputs("\n\n", f);
    }
    fprintf(f, "المقالات: %zu · الأصوات المستقلة: %zu · يؤيد: %zu · ينفي: %zu · يناقش: %zu · "
               "غير ذي صلة: %zu\n\n",
            r->n_members, r->n_voices, r->counts[MZ_AGREE], r->counts[MZ_DISAGREE],
            r->counts[MZ_DISCUSS], r->counts[MZ_UNRELATED]);
    for (size_t i = 0; i < r->n_voices; i++)
        if (voice_shown(r, &r->voices[i]))
            md_voice(f, r, i);
    /* unrelated voices: their receipts only; their sentences are not
     * evidence about the claim */
    bool any = false;
    for (size_t i = 0; i < r->n_voices; i++) {
        const mz_check_voice *vo = &r->voices[i];
        if (voice_shown(r, vo))
            continue;
        if (!any)
            fputs("### مقالات غير ذات صلة بالادعاء\n\n", f);
        any = true;
        for (size_t j = 0; j < vo->n_members; j++)
            md_member(f, &r->members[vo->members[j]]);
    }
    md_numbers(f, r);
    struct tm tm;
    char day[16] = "";
    if (localtime_r(&now, &tm))
        strftime(day, sizeof day, "%Y-%m-%d", &tm);
    fprintf(f, "التاريخ: %s · mizan %s\n", day, mz_version());
    return ferror(f) ? -1 : 0;
}
