/*
 * check.h — the claim check (internal API): retrieve candidates, weigh their
 * stances as independent voices, extract the numbers they give, decide.
 *
 * struct mz_check_result is plain data so the CLI, the server and the JSON
 * writer can read it; it is created by mz_check() and released with
 * mz_check_result_free().
 *
 * Modules: retrieve.c (BM25 candidates + sentence-level re-rank), check.c
 * (mz_check: the pipeline), negation.c and question.c (a claim worded as a
 * negation or a question), voices.c (MinHash near-copy grouping) and
 * build_voices.c (voices from the checked articles; versions.c an article's
 * corrected version superseding it), verdict.c (the decision
 * rule; overtaken.c a denial later reports tell as past), reason*.c + reason.h and arabic_count.c (its reason in English and
 * Arabic; quote_marks.c: guillemets inside a quote), numbers.c
 * (quantities in Arabic sentences; numbers_nouns.c what they count,
 * numbers_dates.c the dates among them, numbers_vague.c «عشرات», «مئات»,
 * numbers.h what they share; events.c what happened to a quantity,
 * days.c the day it is told of) and collect_numbers.c (grouping, conflicts),
 * words.c (word iteration with a matching key), result.c (accessors, free),
 * eval_claims.c + eval.h (claim-level evaluation on baly2018 data).
 */
#ifndef MZ_CHECK_H
#define MZ_CHECK_H

#include "mizan.h"
#include "store/store.h" /* mz_terms */

#include <math.h> /* INFINITY */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Claims longer than MZ_CLAIM_MAX_CHARS (mizan.h: 2000 code points) are
 * refused with MZ_ERR_ARG. */

/* ------------------------------------------------------------ result data */

/* One article in the report. body is kept so evidence offsets can be turned
 * into text and code-point offsets. */
typedef struct mz_check_member {
    int64_t article_id;
    char *title, *source, *url, *published; /* url/published may be NULL */
    char *origin; /* the file (or "jsonl:LINE") it was ingested from; may be NULL */
    char *author; /* the byline; NULL when unknown */
    char *body;
    size_t body_len;
    double retrieval_score;
    double coverage; /* best window's IDF-weighted coverage of the claim (retrieve.c) */
    mz_stance stance;
    double probs[MZ_N_STANCES];
    size_t n_evidence;
    mz_evidence evidence[MZ_MAX_EVIDENCE];
    int voice; /* 1-based voice number */
    /* from the stance model (mz_stance_result): */
    bool has_denial;     /* a sentence of the body denies the claim */
    bool denial_lead;    /* the title or the first two sentences do: the news is the denial */
    mz_evidence denial;  /* that sentence (cue "denial"), offsets into body */
    /* The denial shares with the claim only the pool's topic words (claim
     * words most retrieved articles hold: the club, the ministry) and none
     * of the claim's other words: it denies another matter (denial_topic.c). */
    bool denial_other;
    /* Its denial sentence holds the claim's matter words (beyond the pool's
     * topic) as tells_matter counts them: it denies the claim's matter, and
     * only a later report that tells more than the topic overtakes it
     * (voice_later_word.c; denial_topic.c). */
    bool denial_matter;
    /* Everything its sentences hold against the claim is a denial of
     * another matter: its denial_other denial or, with no denial given, a
     * top evidence sentence with cue "denial" of the pool's topic only; no
     * evidence sentence with another cue against the claim (a figure at
     * odds, as_usual, conflict, a denial of the claim's own words). A
     * disagreeing voice it represents is weighed as unrelated (verdict.c). */
    bool against_other;
    /* The claim has content words beyond the pool's topic (its matter: for
     * «وفاة أطفال بعد التطعيم ضد الكوليرا في محافظة الزيتونة», وفاة، أطفال،
     * التطعيم) and no evidence sentence of it holds two of them together
     * (the one, for a one-word matter) nor a claim number: what it tells for
     * the claim is the story's topic (an outbreak report's «نسبة التطعيم في
     * المحافظة بلغت 35%»). tells_matter: the topic is known and one of its
     * evidence sentences holds the matter so (denial_topic.c). An agreeing
     * voice it represents takes no side against a disagreeing voice that
     * tells the matter (verdict.c weigh_topic_only). */
    bool topic_only, tells_matter;
    /* The words that gave each evidence sentence its cue (mz_cue_span), bytes
     * into body; start == end when none (a number or overlap cue). */
    size_t cue_start[MZ_MAX_EVIDENCE], cue_end[MZ_MAX_EVIDENCE];
    size_t denial_cue_start, denial_cue_end;
    /* The id of a later version of this article among the checked ones (the
     * same URL, a near-copy text: the site corrected it, versions.c); 0 when
     * none. A superseded member stays in its voice, listed last, and is not
     * weighed: no representative, no denial, no numbers. */
    int64_t superseded_by;
    /* The other places an exact copy of this text was ingested from (a
     * wire story re-published word for word: store.h, mz_article_places).
     * Their sites join the voice's sources; the copy is weighed once. */
    mz_places places;
} mz_check_member;

/* An independent voice: near-copies of one story and articles of one site. */
typedef struct mz_check_voice {
    mz_stance stance;
    double probs[MZ_N_STANCES]; /* mean over members */
    double weight;              /* how much it counts: 1 - P(unrelated), 0..1 */
    bool counted;               /* weighed in the verdict: weight >= min_related (mz_decide) */
    /* One of its articles corrects the claim's own figure («والصحيح 44» after
     * the claim's 53, «وليس 30» for a claim of 30): the value that says so is
     * numbers[correction_q].values[correction_v] (collect_numbers.c). The
     * verdict weighs the voice as one that disagrees (mz_decide). */
    bool corrects_claim;
    size_t correction_q, correction_v;
    /* For a quantity the claim gives a value and no source gives one it
     * allows (claim_unmatched, not claim_earlier unless last year's, or a
     * revision's own figure: collect_numbers.c revision_figure), one of its articles gives
     * a figure of that quantity told of the claim's event and day, not the
     * claim's: numbers[other_q].values[other_v] (the first such; its
     * values[].other_figure; collect_numbers.c mark_other_figures). */
    bool gives_other_figure;
    size_t other_q, other_v;
    /* One of its articles tells the claim's day is out of date: the event
     * the claim names a day for was moved off it (a postponement to another
     * day, or from the claim's: numbers[moved_q].values[moved_v], the first
     * such; values[].moves_claim; claim_day.c mz_mark_moved_day). */
    bool gives_moved_day;
    size_t moved_q, moved_v;
    /* One of its articles gives the claim's event another day than the
     * claim's, and no source gives the claim's: numbers[oday_q].values[oday_v]
     * (the first such; values[].other_day; claim_day.c mz_mark_other_day). */
    bool gives_other_day;
    size_t oday_q, oday_v;
    /* gives_other_day, and the verdict weighs it as disagreeing (mz_decide,
     * weigh_moved_day): the model read the event told on another day agree. */
    bool other_day;
    /* gives_moved_day, and the verdict weighs it as disagreeing (mz_decide,
     * weigh_moved_day): the model read the postponement agree. */
    bool moved_day;
    /* gives_other_figure, and the verdict weighs it as disagreeing: the
     * model read it agree, discuss or disagree, and it corrects nothing
     * (corrects_claim says more). Its P(agree) and P(discuss) moved to
     * P(disagree) (mz_decide, weigh_other_figure): the sources tell the
     * event, but none with the claim's figure. */
    bool other_figure;
    /* One of its articles names another winner of the claim's match or
     * title than the claim's, and no source names the claim's winner
     * (other_winner.c): members[winner_member]'s sentence [winner_start,
     * winner_end) and the winner's name [name_start, name_end), bytes into
     * its body. other_winner: the verdict weighs it as disagreeing
     * (verdict.c weigh_other_winner). */
    bool gives_other_winner, other_winner;
    size_t winner_member, winner_start, winner_end, winner_name_start, winner_name_end;
    /* A disagreeing voice whose denial, published before, a later agreeing
     * article tells as past («وكان الشعلة قد نفى الأسبوع الماضي…»): denied,
     * then confirmed (overtaken.c). It is shown, not weighed (mz_decide).
     * members[overtaken_member] is that later article, and
     * [overtaken_start, overtaken_end) its sentence, bytes into its body. */
    bool overtaken;
    size_t overtaken_member, overtaken_start, overtaken_end;
    /* Read agree, but its only support is the claim's day given before the
     * move off it was reported (members[plan_move_member], the first
     * report of the move): it told the plan, not the event
     * (plan_before_move.c). It is shown, not weighed (mz_decide). */
    bool plan_before_move;
    size_t plan_move_member;
    /* The model read it disagree, but its disagreement rests on a denial of
     * another matter alone (its representative's against_other, and none of
     * its figures off the claim's): its P(disagree) moved to P(unrelated)
     * and its weight with it (mz_decide, weigh_other_matter). */
    bool other_matter;
    /* The model read it agree, but its representative tells only the pool's
     * topic (topic_only) while a disagreeing voice taking part tells the
     * claim's matter: its P(agree) moved to P(unrelated) and its weight with
     * it (mz_decide, weigh_topic_only). */
    bool topic_only;
    char **sources;             /* distinct sites */
    size_t n_sources;
    size_t *members; /* indices into mz_check_result.members, best first */
    size_t n_members;
} mz_check_voice;

/* MZ_QTY_SCORE: a match's score (numbers_score.c), its two numbers fewer
 * first as number and number_max, compared exactly. */
typedef enum mz_qty_kind { MZ_QTY_COUNT = 0, MZ_QTY_PERCENT, MZ_QTY_DATE, MZ_QTY_SCORE } mz_qty_kind;

/* What happened to what a number counts. */
typedef enum mz_event {
    MZ_EVENT_NONE = 0, /* no event word near the value */
    MZ_EVENT_KILLED,
    MZ_EVENT_DIED, /* وفاة, مصرع: accidents, disasters, illness as well */
    MZ_EVENT_INJURED,
    MZ_EVENT_DETAINED,
    MZ_EVENT_RELEASED,
    MZ_EVENT_MOVED, /* evacuated, displaced, left, carried, returned */
    MZ_EVENT_BESIEGED,
    MZ_EVENT_DESTROYED, /* destroyed, demolished, collapsed, burned: buildings, vehicles */
    MZ_EVENT_DAMAGED,
    MZ_EVENT_CLOSED,    /* closed, shut, suspended: schools, crossings, shops */
    MZ_EVENT_OPENED,    /* opened, reopened */
    MZ_EVENT_ACQUITTED, /* acquitted: «برأت المحكمة 3 متهمين», «تبرئة 3 متهمين» */
    MZ_EVENT_RECOVERED, /* recovered, cured: تعافى، تماثل للشفاء */
    MZ_EVENT_MISSING,   /* missing: «12 مفقودا», «في عداد المفقودين» */
    MZ_EVENT_ABSENT,    /* absent: «تغيب 3100 طالب عن الامتحان», «غياب 5 لاعبين» */
    MZ_EVENT_RESCUED,   /* rescued, survived: «إنقاذ 45 شخصا», «الناجين» */
    MZ_EVENT_ABOARD,    /* on board: «كان على متنه نحو 120 مهاجرا» */
    MZ_N_EVENTS
} mz_event;

typedef struct mz_check_value {
    char *value; /* as written: "85%", "بين ثلاثة وأربعة آلاف" */
    double number, number_max; /* a range gives both; else number_max == number */
    int64_t article_id;
    int voice;
    char *text; /* the sentence */
    size_t start, end; /* of the sentence, bytes into the body */
    size_t value_start, value_end; /* of the value as written, bytes into the body */
    size_t char_start, char_end, value_char_start, value_char_end; /* the same in code points */
    int bound; /* as mz_number.bound */
    bool vague; /* as mz_number.vague: «العشرات», number its floor */
    mz_event event; /* as mz_number.event */
    char day[16];   /* as mz_number.day, made a date by the article's publication date
                     * when it names a day from it (mz_day_resolve) */
    char day_said[16]; /* the day as the text names it ("o:-1", أمس) when day was made
                        * a date from it; "" otherwise */
    bool earlier; /* as mz_number.earlier: «في وقت سابق», «بعد أن كانت 30» */
    bool last_period; /* as mz_number.last_period: earlier as last year's */
    char last_month;  /* as mz_number.last_month: the previous month's */
    signed char moved; /* as mz_number.moved: a postponement's new date (+1), the one set before (-1) */
    /* a date that tells the claim's day is out of date: the event was moved
     * off it (claim_day.c mz_mark_moved_day) */
    bool moves_claim;
    /* a date of a named month: its day ("d:1/12"), and whether it is told
     * as the day something happens (mz_number.on_day) */
    char date_day[16];
    bool on_day;
    /* a date that gives the claim's event another day than the claim's,
     * where no source gives the claim's (claim_day.c mz_mark_other_day) */
    bool other_day;
    /* the day its article was published, as a number that orders days
     * (y*372 + m*31 + d); 0: not known */
    int published_day;
    signed char change; /* as mz_number.change: a rise (+1) or fall (-1) by it */
    bool level;         /* as mz_number.level: what the quantity rose or fell to */
    bool fresh;         /* as mz_number.fresh: a day's new count */
    bool points;        /* as mz_number.points: a change of a rate in points */
    char per;           /* as mz_number.per: a rate's period, 0 when none is said */
    char market;        /* as mz_number.market: 'o' official, 'p' parallel, 0 none said */
    bool basis;         /* as mz_number.basis: written in basis points, number in points */
    bool move;          /* as mz_number.move: a measure's move, of its day */
    /* as mz_number.hearsay: a rumour's figure; it gives the claim's figure
     * only when no value on a source's own word bears on it (flag_off_claim) */
    bool hearsay;
    bool rejected; /* a figure its own voice rejects («وليس 30»): set against nothing */
    bool denied;   /* a denial governs it in its sentence (mz_num_denied): rejected too */
    bool corrected; /* rejected by a correction of its voice («وليس 30», «والصحيح 44»),
                     * not only denied */
    /* corrected, and it is the claim's own figure of a quantity the claim
     * counts, of the claim's event and day, in a voice that gives no value
     * the claim allows: the voice corrects the claim (mark_corrects_claim) */
    bool corrects_claim;
    /* told after «من جهة أخرى», «اقرأ أيضا» in words that cover little of
     * the claim: another story of the page (numbers_other_story.c) */
    bool other_story;
    /* a part of a count its sentence splits by an adjective, «ثلاث شركات
     * إماراتية وخمس شركات عالمية» (as mz_number.part) */
    bool part;
    /* a count told out of its whole, «58 مقعدا من أصل 150» (as
     * mz_number.out_of): it meets the claim's figure as the claim writes it,
     * not within the allowance of rough counts (collect_numbers.c) */
    bool out_of;
    /* a figure someone demands or proposes («طالبت النيابة بسجنه 15 عاما»,
     * as mz_number.demanded): set against nothing unless the claim's own
     * figure of its quantity is a demand too */
    bool demanded;
    /* a figure forecast («يتوقع أن تصل إلى 50 درجة», «قد تصل إلى 52»: as
     * mz_number.forecast): set against nothing unless the claim's own
     * figure of its quantity is forecast too, as a demanded one */
    bool forecast;
    /* told on a newspaper's word («بحسب صحيفة …», as mz_number.attributed):
     * shown as such, set against the others as before */
    bool attributed;
    /* given by a revision («عدّلت المفوضية نسبة المشاركة إلى 43.1%», as
     * mz_number.revised): other articles' earlier figures of it are earlier */
    bool revised;
    /* its clause names none of the claim's words but what it counts: a
     * figure of another thing of that noun («الأغلبية اللازمة… وهي 76
     * مقعدا», «وجاء تحالف العدالة ثانيا بـ38 مقعدا» for a claim about another
     * party's seats); it does not make its voice one that gives the claim's
     * number (collect_numbers.c beside_claim_value) */
    bool of_other;
    bool conflicting; /* it and a value of another voice do not overlap (flag_conflicts) */
    /* it bears on the claim (no event, or one the claim names) and falls
     * outside the claim's own value for its quantity (flag_off_claim) */
    bool off_claim;
    /* off_claim, of a quantity no source gives the claim's figure of
     * (claim_unmatched, not claim_earlier), told of the claim's own event
     * (none when the claim names none) and day, not vague («العشرات» is a
     * floor, not a figure), not of another thing (of_other), not a day's
     * new count unless the claim names that day: a figure that makes its
     * voice one that gives another figure than the claim's
     * (mz_check_voice.gives_other_figure) */
    bool other_figure;
} mz_check_value;

typedef struct mz_check_quantity {
    char *quantity; /* what is counted (the noun as written), e.g. "متشدد" */
    /* what an amount of money is of, as first written («احتياطي», «ضخ»):
     * amounts of one currency are grouped by it; NULL when none is read */
    char *of;
    /* a running total («برصيد 52 نقطة», «رصيده إلى 17 هدفا»: of رصيد,
     * numbers_of.c): told exactly, so compared exactly (values_conflict) */
    bool tally;
    /* The claim's own word for it when on_claim ("الأسرى" for أسيرا), as
     * the claim writes it: what the reason names; NULL otherwise. */
    char *claim_noun;
    mz_qty_kind kind;
    bool conflict;  /* independent voices give values that do not overlap */
    bool on_claim;  /* what is counted is one of the claim's words (أسيرا ~ الأسرى) */
    bool has_claim_value; /* the claim gives this quantity a value itself */
    double claim_number, claim_number_max;
    int claim_bound; /* as mz_number.bound, of the claim's value */
    bool claim_vague; /* as mz_number.vague, of the claim's value */
    signed char claim_change; /* as mz_number.change, of the claim's value */
    bool claim_level;         /* as mz_number.level, of the claim's value */
    bool claim_demanded;      /* as mz_number.demanded, of the claim's value */
    bool claim_forecast;      /* as mz_number.forecast, of the claim's value */
    char claim_per;           /* as mz_number.per, of the claim's value */
    char claim_market;        /* as mz_number.market, of the claim's value */
    /* the claim gives a value, sources give values that bear on it, and
     * none of those is one the claim allows: no source has its number
     * («قتل 5» against a lone report of 40 killed) */
    bool claim_unmatched;
    /* claim_unmatched, and a source gives the claim's value as an earlier
     * figure: the first-instance 7 years that the appeal made 5. The claim
     * was true once; "no source gives it" would say it never was */
    bool claim_earlier;
    /* claim_earlier, and every source that gives the claim's value gives it
     * as the last period's («مقابل 61.2% العام الماضي»): not a figure a
     * newer one revised, but another year's, so a claim of it as this
     * year's is wrong as stated, not true once (mark_other_figures) */
    bool claim_last_period;
    /* claim_unmatched, and a source gives the claim's value only as a figure
     * of another period than the claim's («التضخم السنوي 26.4%» for a claim
     * of a monthly 26.4%): it is listed as off_claim (mark_other_period) */
    bool claim_other_period;
    /* claim_last_period, and every source that gives the claim's value
     * gives it as the previous month's («مقابل 24.9% في آب»): the reason
     * says month, not year or season */
    bool claim_last_month;
    /* the claim's day ("d:4/7") where a source tells it is out of date: a
     * postponement moved the event off it (claim_day.c mz_mark_moved_day) */
    char claim_day[16];
    /* a source corrects the claim's very figure and names the right one
     * («عدد المتقدمين 421 ألفا، والصحيح 412 ألفا» for a claim of 421
     * thousand), or names the claim's as the right one (for a claim of
     * 412 thousand): a value of the other figure, [corrected_to,
     * corrected_to_max], is not the claim's, though within the 10% two
     * counts are allowed (collect_numbers.c) */
    bool claim_corrected;
    double corrected_to, corrected_to_max;
    mz_check_value *values;
    size_t n_values;
} mz_check_quantity;

struct mz_check_result {
    char *claim;
    mz_verdict verdict;
    double confidence;
    char *reason;    /* one or two sentences built from the evidence */
    char *reason_ar; /* the same in Arabic */
    char *note;      /* e.g. "the database is empty"; may be NULL */
    char *note_ar;   /* the same in Arabic; may be NULL */
    bool too_short;  /* under two content words: the articles are shown, no verdict */
    size_t counts[MZ_N_STANCES]; /* voices per stance */
    mz_check_member *members;
    size_t n_members;
    mz_check_voice *voices; /* strongest first */
    size_t n_voices;
    mz_check_quantity *numbers;
    size_t n_numbers;
    size_t candidates; /* BM25 candidates looked at before re-ranking */
    double elapsed_ms;
};

/* ---------------------------------------------------------------- words.c */

/* Iterates the words of a UTF-8 text (letters and digits; Arabic-Indic digits
 * included), giving byte offsets and a matching key: diacritics and tatweel
 * dropped, alef/yaa/taa-marbuta variants unified, digits to ASCII, Latin
 * lowercased. Invalid bytes separate words. */
typedef struct mz_word {
    size_t start, end; /* bytes in the text */
    char key[128];     /* normalized form (truncated at a character boundary) */
    size_t key_len;
    bool is_number; /* all digits (with . , % inside or after) */
} mz_word;

typedef struct mz_word_iter {
    const char *s;
    size_t len, pos;
} mz_word_iter;

void mz_words_init(mz_word_iter *it, const char *s, size_t len);
/* Next word, or false at the end. */
bool mz_words_next(mz_word_iter *it, mz_word *w);
/* Key without the clitic prefixes و ف ب ل ال كال (kept if too little remains)
 * and, with plural != 0, common plural/feminine suffixes: a coarse stem for
 * grouping quantities ("المقاتلين" → "مقاتل"). Writes into out (cap bytes). */
size_t mz_word_stem(const char *key, size_t len, int plural, char *out, size_t cap);

/* --------------------------------------------------------- denial_topic.c */

/* Marks the members whose denial shares only the pool's topic with the
 * claim (mz_check_member.denial_other), and the topic-only / matter marks.
 * mz_check_build_voices runs it once the superseded versions are known (a
 * superseded member is no part of the pool) and before the voices are
 * weighed (voice_later_word.c reads the marks). */
void mz_mark_topic_denials(mz_check_result *r);
/* Whether a denial sentence s[0..len) holds none of a counting claim's event
 * words (its numbers, their nouns, its lead word) outside a relative clause
 * and a claim word inside one («القارب الذي غرق»): it takes the claim's
 * matter as the setting of another act and denies another matter
 * (denial_event.c). False for a claim with no number. */
bool mz_denial_off_event(const char *claim, const char *s, size_t len);

/* --------------------------------------------------------------- voices.c */

#define MZ_MINHASH_K 64

/* MinHash signature of a text's word 3-shingles (deterministic seeds). */
typedef struct mz_minhash {
    uint64_t h[MZ_MINHASH_K];
    size_t n_shingles; /* 0: text too short to compare */
} mz_minhash;

void mz_minhash_text(const char *s, size_t len, mz_minhash *out);
/* Estimated Jaccard similarity of the two shingle sets (0 if either is empty). */
double mz_minhash_similarity(const mz_minhash *a, const mz_minhash *b);

/* Near-copy threshold: MinHash Jaccard at or above it means one story. */
#define MZ_COPY_JACCARD 0.5
/* A shorter text lying inside a longer one is a copy too (a truncated
 * re-publication): the share of its shingles found in the other, estimated
 * from the Jaccard similarity and the two sizes, reaches MZ_COPY_CONTAINED,
 * when it has MZ_COPY_MIN_SHINGLES shingles and at least 1/MZ_COPY_MAX_RATIO
 * of the other's. Not further: the 64 hashes estimate the share loosely for
 * a much shorter text, and a statement a third of two independent reports
 * long, quoted in full by each, would join them (Jaccard 0.5 already joins
 * a text to one twice its length). */
#define MZ_COPY_CONTAINED 0.75
#define MZ_COPY_MIN_SHINGLES 20
#define MZ_COPY_MAX_RATIO 3

/* True when a and b are near-copies: Jaccard >= threshold, or the shorter
 * lies inside the longer (MZ_COPY_CONTAINED). */
bool mz_minhash_copies(const mz_minhash *a, const mz_minhash *b, double threshold);


/* Groups n items into voices. Near-copies (mz_minhash_copies) are one
 * voice, and so are items of one site (mz_site_of, case-insensitive,
 * non-empty: their sources are, or their URLs' hosts are unless both sources
 * name an outlet other than that host — two outlets syndicated on one
 * portal). A copy counts with the site of its story's origin: when a
 * cluster of copies spans several sites, its members join the site of its
 * earliest published member (days[i], mz_published_day, when every member
 * has one; the same day or no day: the least order[i], the ingest order;
 * then the lower index), not each its own, so a story B re-published from A
 * does not join B's own reporting to A's voice. sigs, sources, urls, days or
 * order may be NULL, and any entry of sources or urls. voice_of[i] gets
 * 0..n_voices-1, numbered in order of first appearance. Returns the number
 * of voices, or 0 on out of memory (n == 0 also gives 0). */
size_t mz_group_voices(const mz_minhash *sigs, const char *const *sources,
                       const char *const *urls, const int *days, const int64_t *order, size_t n,
                       double threshold, size_t *voice_of);

/* --------------------------------------------------------------- events.c */

/* The event a word names (a words.c key), or MZ_EVENT_NONE. */
mz_event mz_event_of_word(const char *key, size_t len);
/* The event of a value spanning words [first, after) of s: the nearest
 * event word up to 6 words before it, else up to 4 words after it, within
 * its clause (punctuation ends one). */
mz_event mz_event_near(const char *s, const mz_word *words, size_t n, size_t first, size_t after);
/* The events a text names anywhere, as a mask of 1u << event. */
unsigned mz_events_in(const char *s, size_t len);
/* Whether the bytes s[from..to) between two words end a clause: , . ; : ! ?
 * | ( ) and the Arabic ، ؛ ؟. */
bool mz_clause_break(const char *s, size_t from, size_t to);

/* ----------------------------------------------------------------- days.c */

/* The month of the month name at words[k] (ws[k + 1] picks كانون/تشرين
 * الأول or الثاني): 1..12, a Hijri month 101..112; 0 if it is none. */
/* A month named by where it stands (الشهر الجاري, الماضي, المقبل) is
 * MZ_MONTH_RELATIVE + -1, 0 or 1 in a day code. */
#define MZ_MONTH_RELATIVE 200
/* A numeric date "A/B" (A/B/YEAR) whose order is not known (both parts up
 * to 12, and unequal) is MZ_MONTH_NUMERIC + B in a day code with A its day. */
#define MZ_MONTH_NUMERIC 300
int mz_month_number(const mz_word *ws, size_t n, size_t k);
/* The day a value at words [first, after) is told of: the nearest date
 * (day_code[k] = DAY * 1000 + MONTH where a date starts at word k) or
 * weekday in its clause, up to 6 words either side, as a key ("d:11/10",
 * "w:7"; a day of a relative month "r:23/0", "r:5/-1"; a weekday of the last
 * or next week "w:6/-1", "w:6/1" (الخميس الماضي, المقبل); a day counted from
 * the day of writing "o:-1" (أمس; اليوم 0, أول أمس -2, غدا 1); a numeric
 * date of unknown order "n:3/4") written to out; "" when none is named. */
void mz_day_near(const char *s, const mz_word *ws, size_t n, const int *day_code, size_t first,
                 size_t after, char *out, size_t cap);
/* The weekday word k names, alone, keyed as mz_day_near keys it ("w:2",
 * "w:2/1" in a clause of the future or before «المقبل», "w:2/-1"), written
 * to out; returns it (1 Saturday .. 7 Friday), 0 for no weekday. */
int mz_weekday_key(const char *s, const mz_word *ws, size_t n, size_t k, char *out, size_t cap);
/* Whether the bare weekday at word k is the coming one: a future or
 * forecast verb in its clause («قد تصل إلى 52 درجة الخميس»; days_future.c). */
bool mz_day_coming(const char *s, const mz_word *ws, size_t n, size_t k);
/* Whether word k is a word of forecast: سوف, يتوقع / من المتوقع / يرتقب,
 * قد before an imperfect verb («قد تصل»; days_future.c). A future سـ
 * («ستصل») is not among them: it is a cue of the coming weekday only. */
bool mz_forecast_verb(const mz_word *ws, size_t n, size_t k);
/* The parts of such a key: 'd' with *a the day and *b the month (1..12, a
 * Hijri month 101..112), 'r' with the day and the month's offset from the
 * current one (-1, 0, 1), 'w' with *a the weekday (1 Saturday .. 7 Friday)
 * and *b its week (0, -1, 1), 'o' with *a the days from the day of
 * writing, 'n' with the two parts as written; 0 for "". */
char mz_day_parts(const char *key, int *a, int *b);
/* The day of such a key for a reader: "Friday", "17/11", "5/9 AH" (Hijri),
 * "23 of this month"; "" for "". */
void mz_day_text(const char *key, char *out, size_t cap);
/* "saturday" … "friday" for 1..7; "" otherwise. */
const char *mz_weekday_name(int wd);
/* Whether two such keys name different days (both named, of one kind;
 * days.c says which kinds can be told apart unresolved). */
bool mz_other_days(const char *a, const char *b);
/* A publication date as stored ("2017-10-16", ISO with a time, RFC 822
 * "Mon, 16 Oct 2017 …") as *y *m *d; false when it is none of these.
 * days_resolve.c */
bool mz_published_date(const char *published, int *y, int *m, int *d);
/* That date as one ordered number (y*372 + m*31 + d), to tell which of two
 * was published first; 0 when there is none. days_resolve.c */
int mz_published_day(const char *published);
/* The key as a date ("d:15/10") when published (may be NULL) is a date and
 * the key names a day from it (o:, w:, r:, n:); else the key as it is, but
 * "" for a numeric date of unknown order. days_resolve.c */
void mz_day_resolve(const char *key, const char *published, char *out, size_t cap);
/* "killed", "died", …; "" for MZ_EVENT_NONE. */
const char *mz_event_name(mz_event e);

/* ---------------------------------------------------------- quote_marks.c */

/* Whether s[0, len) starts with a guillemet: then *mark is the mark that
 * nests it inside a «…» quote (“ for «, ” for ») and 2, its bytes, is
 * returned; else 0. */
size_t mz_inner_quote_mark(const char *s, size_t len, const char **mark);
/* When s[*start, *end) is one quotation, «…» (spaces and a full stop around
 * it aside, no other guillemet inside), narrows it to what is inside. */
void mz_quote_unwrap(const char *s, size_t *start, size_t *end);

/* -------------------------------------------------------------- numbers.c */

/* A quantity found in a sentence. */
typedef struct mz_number {
    size_t start, end; /* bytes of the value as written in the text */
    double number, number_max;
    int bound; /* 1: "أكثر من X", X or more; -1: "أقل من X", X or less; 0: as given */
    bool vague; /* a plural of a unit, «عشرات القتلى»: number is its floor, bound 1 */
    mz_qty_kind kind;
    mz_event event; /* what happened to what is counted ("مقتل 40"), if said near it */
    char day[16];   /* the day it is told of (mz_day_near), "" if none named */
    bool earlier;   /* told as an earlier figure a newer one replaced (numbers_earlier.c) */
    bool last_period; /* earlier as the last year's or season's («العام الماضي») */
    /* last_period as the previous month's: its month 1..12 («مقابل 24.9% في
     * آب» beside «في أيلول»); 0 none (numbers_last_month.c) */
    char last_month;
    /* a date a postponement moves (numbers_moved.c): +1 the event's new date
     * («تأجيل إعلان النتائج إلى الأحد 5 تموز»), -1 the one it was set for
     * («التي كانت مقررة الأحد 9 آذار», earlier too); 0 neither */
    signed char moved;
    /* a date of a named month told as the day something happens: «في»،
     * «يوم»، «اعتبارا من» before it, not a window's start (numbers_on_day.c) */
    bool on_day;
    /* told as a change, +1 a rise, -1 a fall («ارتفع بنسبة 2.5%»), or as a
     * level («ارتفع إلى 18.5%»); neither: 0 and false (numbers_change.c) */
    signed char change;
    bool level;
    bool fresh; /* a day's new count («120 إصابة جديدة»), a change (numbers_change.c) */
    /* a change of a percentage told in points («بارتفاع 7.2 نقطة» after «بلغت
     * نسبة النجاح 68.4%»): set against the claim's changes only, not against
     * a figure told as neither (numbers_points.c) */
    bool points;
    /* told in basis points («150 نقطة أساس»): number is in points, 1.5
     * (numbers_basis.c) */
    bool basis;
    bool other_story; /* told of another story of the page: set by mz_num_mark_other_story */
    bool part; /* a part of the noun's count the sentence splits by an adjective
                * («ثلاث شركات إماراتية وخمس شركات عالمية»; numbers_parts.c) */
    bool out_of; /* a count told out of its whole, «58 مقعدا من أصل 150»: made
                  * exactly (numbers_out_of.c) */
    bool demanded; /* someone demands or proposes it («طالبت النيابة بسجنه 15
                    * عاما»), not the figure decided (numbers_demanded.c) */
    bool forecast; /* a verb of the future or a forecast governs it («يتوقع أن
                    * تصل إلى 50 درجة»), not a figure observed (numbers_demanded.c) */
    bool attributed; /* told on a newspaper's word («بحسب صحيفة …»;
                      * numbers_attributed.c) */
    bool revised; /* the figure a revision gives («عدّلت … إلى 43.1%»):
                   * set by mz_num_mark_revised, not by the reader */
    /* the period a rate is counted per, by the adverb after it: 'd' «يوميا»,
     * 'w' «أسبوعيا», 'm' «شهريا», 'y' «سنويا»; 0: none said (numbers_rate.c);
     * for a percentage the period it is measured over, 'y', 'm' or 'q' («على
     * أساس شهري», «التضخم السنوي»: numbers_period.c) */
    char per;
    /* the market an exchange rate is of: 'o' the official («في السوق
     * الرسمية», «السعر الرسمي»), 'p' the parallel («في السوق الموازية»,
     * «السوداء»); 0 none said (numbers_market.c) */
    char market;
    /* a percentage a measure's name names («ارتفع سعر خام برنت 4%»): a move
     * of a price, a value, an index — of its day (numbers_measure_head.c) */
    bool move;
    /* told on unnamed sources' word («بحسب مصادر مطلعة»): a rumour's figure
     * (numbers_hearsay.c) */
    bool hearsay;
    char noun[128];     /* the counted noun as written (may be empty) */
    char noun_key[128]; /* its coarse stem, for grouping */
    /* what an amount of money is of, the noun that governs it («احتياطي»,
     * «ضخ», «الصادرات») as written and as grouped ("احتياطي"); "" when
     * none is read (numbers_of.c) */
    char of[64];
    char of_key[32];
} mz_number;

/* Whether the value at bytes [at, end) of sentence s[0..len) stands in an
 * account the sentence denies and dismisses after it: a denial verb
 * before it, a word of dismissal after it, no stop between («نفى الوزير …
 * ووصف الأنباء عن خفض الإنتاج بمقدار 2 مليون برميل بأنها تكهنات»): the
 * figure denied, not one the source gives (numbers_hearsay.c). */
bool mz_num_dismissed(const char *s, size_t len, size_t at, size_t end);

/* The period per names ("day", "week", "month", "quarter", "year"; "" for 0), as the
 * JSON's values[].per and the terminal give it (numbers_rate.c). */
const char *mz_per_name(char per);
/* The market market names ("official", "parallel"; "" for 0), as the
 * JSON's values[].market and the terminal give it (numbers_market.c). */
const char *mz_market_name(char market);

/* Extracts quantities from s[0..len): digits (ASCII, Arabic-Indic), decimals,
 * percentages (85%, ٨٥٪, 85 في المئة), spelled-out Arabic numbers (ثلاثة آلاف,
 * خمسة وعشرين), multipliers (3 آلاف, 1.5 مليون), ranges (بين ثلاثة وأربعة آلاف,
 * 3-4 آلاف) and dates (years, day + month name), with the noun they count.
 * Writes at most cap items; returns how many were found (may exceed cap). */
size_t mz_numbers_extract(const char *s, size_t len, mz_number *out, size_t cap);
/* As mz_numbers_extract, and a match's score after a word of the result
 * («فاز 3-1», «خسر 1-3») is one value of kind MZ_QTY_SCORE rather than a
 * range or nothing (numbers_score.c). The claim check reads scores; the
 * stance's number cues read numbers as the model was trained on them. */
size_t mz_numbers_extract_scores(const char *s, size_t len, mz_number *out, size_t cap);
/* Whether sentence s[0..len), a score ending at byte vend, tells of the
 * match claim scores: up to the score's clause's end it names the claim's
 * content words (its words of the result and numbers aside; one in
 * four of a long claim may be missing). «فاز الشعلة على الوادي 2-0» is
 * another match than «فاز الشعلة على الميناء 2-1» (numbers_score.c). */
bool mz_num_score_of_claim(const char *claim, const char *s, size_t len, size_t vend);
/* Marks the counts of nums[0..n), the values of sentence s[0..len), told of
 * another match than the claim's (mz_number.other_story): the sentence
 * gives a score, none of its scores is of the claim's match
 * (mz_num_score_of_claim), and the claim gives a count of the value's noun
 * (claim_nums[0..n_claim)), not a running total — «تعادل الشعلة مع مضيفه
 * الجبل سلبيا … بحضور 30 ألف متفرج» is no crowd of the claim's
 * الشعلة–الميناء (numbers_score.c). */
void mz_num_mark_other_match(const char *claim, const mz_number *claim_nums, size_t n_claim,
                             const char *s, size_t len, mz_number *nums, size_t n);

/* The key quantities are grouped by, for a word's key: its coarse stem
 * (mz_word_stem), the broken plurals news counts most taken to their
 * singular (الأسرى and أسيرا, القتلى and قتيلا meet; numbers_nouns.c). */
void mz_noun_key(const char *key, size_t key_len, char *out, size_t cap);

/* The claim's distinct content stems (coarse, no stopword, no number), as
 * mz_num_mark_other_story compares them: made once per check. */
#define MZ_CLAIM_STEMS 64
typedef struct mz_claim_stems {
    char v[MZ_CLAIM_STEMS][64];
    size_t n;
} mz_claim_stems;
void mz_claim_stems_of(const char *claim, mz_claim_stems *out);

/* Marks the values nums[0..n) of sentence s[0..len) told of another story
 * than the claim's (mz_number.other_story): a topic shift («من جهة أخرى»,
 * «في سياق آخر», «اقرأ أيضا») stands before the value, and the words from
 * there to the sentence's end cover little of the claim c; one pass over
 * the sentence (numbers_other_story.c). */
void mz_num_mark_other_story(const mz_claim_stems *c, const char *s, size_t len, mz_number *nums,
                             size_t n);
/* When a value of the claim is told of the last period itself («بلغت
 * النسبة العام الماضي 61.2%»), a source's last-period values nums[0..n)
 * are the claim's figure, not earlier ones (numbers_earlier.c). */
void mz_num_claim_period(const mz_number *claim, size_t n_claim, mz_number *nums, size_t n);
/* When the claim names one year («في 2025») and the source was published
 * the year after (published "2026-…"), the source's last-period values
 * nums[0..n) («95 مليار دولار في العام الماضي») are the claim's year's
 * figure, not earlier ones (numbers_claim_year.c). */
void mz_num_claim_year_period(const mz_number *claim, size_t n_claim, const char *published,
                              mz_number *nums, size_t n);
/* Appends to nums[0..n) (at most cap) a date value for each bare weekday
 * of sentence s told as its event's day («وصل الوزير الأحد إلى …», its
 * clause opening on a word of the claim c; not a saying verb's day, not «منذ الاثنين», not one written with its date):
 * kind date, on_day, day its key ("w:2"), number 0 until the publication
 * day makes it a date (collect_numbers.c). Returns the new count.
 * numbers_weekday.c */
size_t mz_num_weekday_dates(const mz_claim_stems *c, const char *s, size_t len, mz_number *nums,
                            size_t n, size_t cap);
/* The months a claim names, 1u << month (1..12); read once a check
 * (numbers_last_month.c). */
unsigned mz_num_claim_months(const char *claim);
/* Leaves the previous month's figures of nums[0..n) as plain values when
 * the claim names that month itself (named: mz_num_claim_months). */
void mz_num_claim_month(unsigned named, mz_number *nums, size_t n);
/* Whether the clause of a value at bytes [vstart, vend) of sentence s[0..len)
 * (from the comma, semicolon, colon or stop before it to the one after it)
 * names one of the claim's stems other than those of noun, what the value
 * counts: «وحصل الحزب على 54 مقعدا» does for «حصل الحزب على أكثر من 80
 * مقعدا», the threshold's «وهي 76 مقعدا» does not (numbers_other_story.c). */
/* Whether byte p of s[0..len) begins a mark that ends a clause: a comma
 * (, or ،), a semicolon (; ؛), a colon, or a sentence's stop (. ! ? ؟ or a
 * line break) (numbers_other_story.c). */
bool mz_num_clause_mark(const char *s, size_t p, size_t len);
/* Whether s[from..to) holds such a mark (numbers_other_story.c). */
bool mz_num_clause_between(const char *s, size_t from, size_t to);
bool mz_num_clause_names_claim(const mz_claim_stems *c, const char *s, size_t len, size_t vstart,
                               size_t vend, const char *noun);

/* Whether key (a noun key) is a currency's (numbers_of.c). */
bool mz_num_is_currency_key(const char *key);
/* Whether of_key (mz_number.of_key) is a running total's, «رصيده إلى 17
 * هدفا»: set only against a claim's total (numbers_of.c). */
bool mz_num_is_tally_key(const char *of_key);
/* Marks as earlier (mz_check_value.earlier) a value of an event published
 * before another article's higher value of q: a toll that rose from one
 * day's report to the next (numbers_rising.c). */
void mz_mark_earlier_reports(mz_check_quantity *q);
/* Whether a and b (either order) are a toll that rose: values of one event
 * from articles published on two days, the earlier-published the lower
 * beyond the tolerance of two sources (numbers_rising.c). */
bool mz_toll_rose(const mz_check_value *a, const mz_check_value *b);
/* Whether a and b are new counts («120 إصابة جديدة») of reports published
 * on two days, neither told of one named day: two days' counts
 * (numbers_rising.c). */
bool mz_new_counts_apart(const mz_check_value *a, const mz_check_value *b);
/* Whether one of a and b is an added count («يومين إضافيين», «120 إصابة
 * جديدة») and the other a figure told as neither a change nor a level: the
 * whole, not what was added to it (numbers_added.c). */
bool mz_added_beside_plain(const mz_check_value *a, const mz_check_value *b);
/* Marks as earlier a value of q that another article tells as its earlier
 * figure beside a newer one: «خففت محكمة الاستئناف الحكم إلى 5 سنوات بعد
 * أن كان 7 سنوات» makes the first-instance reports' 7 earlier
 * (numbers_replaced.c). */
void mz_mark_replaced(mz_check_quantity *q);
/* Marks every value of q another article published before a revision of it
 * gives («عدّلت … إلى 43.1%», a value `revised`), not its figure, earlier
 * (numbers_revised.c). */
void mz_mark_revised(mz_check_quantity *q);
/* Marks nums[0..n) of s that a verb of revision gives after «إلى»
 * («عدّلت المفوضية نسبة المشاركة إلى 43.1%»): mz_number.revised. */
void mz_num_mark_revised(const char *s, size_t len, mz_number *nums, size_t n);
/* Whether s[0..len) holds the letters of a revision verb (عدل، صحح) at all:
 * a sentence that does not gives no revised figure. numbers_revised.c */
bool mz_num_may_revise(const char *s, size_t len);
/* Whether s[0..len) names a money noun grouped as of_key (mz_number.of_key:
 * «احتياطيات» names "احتياطي"; numbers_of.c). */
bool mz_num_names_of(const char *s, size_t len, const char *of_key);

/* Is w a singular nisba adjective written with the article right after a
 * word with the article («الدعم العسكري», «القوات الأمريكية»)? It
 * describes that word and counts nothing of its own (numbers_nouns.c). */
bool mz_noun_is_definite_adjective(const mz_word *prev, const mz_word *w);

/* True when two values of one quantity disagree: no overlap of their ranges
 * once a 10% tolerance is allowed. A top of INFINITY is a lower bound ("أكثر
 * من 300"). */
bool mz_numbers_conflict(double a_lo, double a_hi, double b_lo, double b_hi);
/* A value's range as what it allows (bound as mz_number.bound): «أكثر من
 * 300» is 300 and up, «أقل من 300» up to 300, so neither conflicts with a
 * 400 or a 100 it admits; a vague value, «العشرات», is its floor and up
 * (bound 1, numbers_vague.c). The claim check's numbers report and the
 * stance evidence's number cues read values so. */
static inline void mz_value_allows(int bound, double number, double number_max, double *lo,
                                   double *hi)
{
    *lo = bound < 0 ? 0 : number;
    *hi = bound > 0 ? INFINITY : number_max;
}

/* A figure sentence s[0..len) rejects («6 مدارس فقط، وليس 14», «لا ١٤»: a
 * negator right before the number, and no «فقط» right after it), as
 * [lo, hi], and the figure it gives instead when one stands just before the
 * negator («العدد 18 وليس 30»: 18), its offsets into s. */
typedef struct mz_num_correction {
    double lo, hi;
    char key[128]; /* the rejected number's noun key (mz_number.noun_key), "" if none */
    mz_number rejected; /* the rejected figure as read, offsets into s */
    bool has_instead;
    mz_number instead;
    /* written «X، والصحيح Y»: the source names both figures, X the one it
     * corrects, however close to Y (has_instead is set too) */
    bool answered;
} mz_num_correction;
/* The corrections of s, at most cap; returns how many (numbers_correction.c). */
size_t mz_num_corrections(const char *s, size_t len, mz_num_correction *out, size_t cap);
/* A correction found in an article's body: the sentence it is in, bytes
 * into the body (the instead figure's offsets are into that sentence). */
typedef struct mz_body_correction {
    mz_num_correction c;
    size_t start, end;
} mz_body_correction;
/* Every correction in body[0..len), sentence by sentence, into *out
 * (malloc'd; NULL when none) and *n. MZ_OK or MZ_ERR_NOMEM. */
mz_status mz_body_corrections(const char *body, size_t len, mz_body_correction **out, size_t *n);
/* Whether the number at byte `at` of sentence s[0..len) is one a denial
 * governs («نفت الوزارة ضخ مليار ونصف دولار»): a denial word (نفى، تنفي،
 * كذّب، فنّد…, not «لم تنف», not «نفي أو تأكيد») at most 12 words before it,
 * with nothing between that says what the denier gives instead («وقالت»،
 * «مؤكدة»، «بل»). */
bool mz_num_denied(const char *s, size_t len, size_t at);

/* The words for a vague value of this floor (mz_number.vague): "dozens",
 * "hundreds", … or «عشرات», «مئات», … (numbers_vague.c). */
const char *mz_vague_name(double floor, bool arabic);

/* -------------------------------------------------------------- verdict.c */

/* The verdict rule's parameters (fit on train.jsonl claims). */
typedef struct mz_verdict_params {
    double min_related; /* a voice counts if its weight (1 - P(unrelated)) >= this */
    double support;     /* Σ P(agree) over counting voices needed for "supported" */
    double refute;      /* Σ P(disagree) needed for "refuted" */
    double dispute_ratio; /* both sides present and the weaker >= ratio x stronger: disputed */
    double coverage_full; /* claim coverage at which an article counts fully; below it its
                             weight shrinks in proportion (0: coverage not used) */
} mz_verdict_params;

extern const mz_verdict_params mz_verdict_default;

/* Decides from the voices already in r (their probs and weights), fills
 * r->verdict, r->confidence, r->counts, r->reason and r->reason_ar. params NULL: defaults.
 * Returns MZ_OK or MZ_ERR_NOMEM. */
mz_status mz_decide(mz_check_result *r, const mz_verdict_params *params);

/* voice_later_word.c: the index in vo->members (of its first live ones)
 * of the voice's representative: best, or, when best denies the claim, the
 * voice's own agreeing member of weight >= min_related published on a later
 * day than every member that carries a denial (the site's later report). */
size_t mz_voice_later_word(const mz_check_result *r, const mz_check_voice *vo, size_t live,
                           size_t best, double min_related, double coverage_full);

/* overtaken.c: marks each taking-part disagreeing voice (weight >= min_w)
 * whose dated denial a later-dated agreeing voice tells as past
 * (mz_check_voice.overtaken); clears the mark on the others. MZ_OK or
 * MZ_ERR_NOMEM. */
mz_status mz_mark_overtaken(mz_check_result *r, double min_w);
/* Marks the agreeing voices whose only support is the claim's day given
 * before the sources reported the event moved off it or told on another
 * (mz_check_voice.plan_before_move); run after the day weighing
 * (plan_before_move.c). */
void mz_mark_plan_before_move(mz_check_result *r);

/* ------------------------------------------------------------- retrieve.c */

/* Re-rank weights (see retrieve.c); pool = BM25 candidates re-ranked. */
typedef struct mz_rerank_params {
    size_t pool;
    double w_bm25, w_window, w_prox, w_title;
    double w_related; /* weight of the stance model's P(related) (needs a model) */
} mz_rerank_params;

extern const mz_rerank_params mz_rerank_default;

typedef struct mz_candidate {
    int64_t id;
    double bm25;      /* FTS5 score (higher is better) */
    double window;    /* best 2-sentence window's IDF-weighted claim coverage, 0..1 */
    double proximity; /* share of adjacent claim term pairs found close together */
    double title_cov; /* IDF-weighted claim coverage by the title */
    double related;   /* 1 - P(unrelated) from the stance model (with a model) */
    double score;     /* the re-rank score */
    bool has_stance;
    mz_stance_result stance; /* the model's result, reused by mz_check */
    mz_article article;
} mz_candidate;

/* The k best candidates for the claim, re-ranked, with their articles.
 * With a model (m non-NULL and p->w_related > 0), every pool article's
 * stance is predicted and its P(related) joins the score; the results are
 * kept in the candidates. *n_pool gets the number of BM25 candidates looked
 * at. An empty store or a claim of stopwords gives no candidates, not an error. */
mz_status mz_retrieve(mz_db *db, const mz_model *m, const char *claim, size_t k,
                      const mz_rerank_params *p, mz_candidate **out, size_t *n_out,
                      size_t *n_pool, mz_error *err);
void mz_candidates_free(mz_candidate *c, size_t n);

/* ---------------------------------------------------------------- check.c */

/* Everything tunable in one check (NULL fields: defaults). */
typedef struct mz_check_tuning {
    const mz_rerank_params *rerank;
    const mz_verdict_params *verdict;
} mz_check_tuning;

/* mz_check with explicit tuning (eval-claims sweeps it). */
mz_status mz_check_tuned(mz_db *db, const mz_model *m, const char *claim,
                         const mz_check_options *opt, const mz_check_tuning *tune,
                         mz_check_result **out, mz_error *err);

/* Validates a claim (UTF-8, not empty, at most MZ_CLAIM_MAX_CHARS) and
 * returns its trimmed copy (malloc'd) in *trimmed. */
mz_status mz_claim_prepare(const char *claim, char **trimmed, mz_error *err);

/* negation.c: a claim worded as a negation («لم يفرج …», «الحكومة لن
 * تشارك …»). *event gets the claim without its negator (malloc'd), the
 * event the claim denies; NULL when the claim is not negated. */
mz_status mz_claim_negation(const char *claim, char **event, mz_error *err);
/* question.c: a claim worded as a question («هل أفرج …؟», «هل صحيح أن …»,
 * «… ؟»). *statement gets the statement it asks about (malloc'd): هل, its
 * «صحيح أن» and the question mark taken off; NULL when it is no question. */
mz_status mz_claim_question(const char *claim, char **statement, mz_error *err);
/* Turns a member's stance toward the event (its terms: mz_analyze) into
 * its stance toward the negated claim: P(agree) and P(disagree) swapped,
 * its denial no longer a denial of the claim; left as it is when it agrees
 * in the claim's own negated words. */
void mz_turn_stance(mz_check_member *m, const mz_terms *event);

/* versions.c: sets each member's superseded_by from the others (sigs[i]:
 * member i's body's MinHash). MZ_OK or MZ_ERR_NOMEM. */
mz_status mz_mark_superseded(mz_check_result *r, const mz_minhash *sigs);
/* versions.c: the later version (the rule of mz_mark_superseded) of a kept
 * candidate c[0..*keep) that the re-rank put past k, in c[*keep..n), is
 * moved to c[*keep] and kept (*keep grows): a correction ranked 21st must
 * not leave its superseded text weighed alone. Near copies rank alike, so
 * it is nearly always in the pool; one outside it is not looked for.
 * MZ_OK or MZ_ERR_NOMEM. */
mz_status mz_pull_later_versions(mz_candidate *c, size_t n, size_t *keep);
/* One article as versions are told apart: its URL's key (mz_url_key; NULL:
 * none, never a version), id and `published`. */
typedef struct mz_version_item {
    const char *url_key;
    int64_t id;
    const char *published;
} mz_version_item;
/* The rule mz_mark_superseded applies, over any n articles: latest[i] is
 * the index of the latest version of v[i] (same key, near-copy text by
 * sigs, later by publication day when all of that key have one, else by
 * id), i itself when none is later. MZ_OK or MZ_ERR_NOMEM. */
mz_status mz_versions_latest(size_t n, const mz_version_item *v, const mz_minhash *sigs,
                             size_t *latest);

/* versions_store.c: an article's other versions in the whole store (same
 * rule, every stored row of its URL): the later version that supersedes
 * it (0: none) and the earlier ones it supersedes (corrects[0..n), by id)
 * — mz_article_versions, public in mizan.h with mz_article_versions_get,
 * out[i] for each of a[0..n) (their id and url read): a list page's rows
 * of one URL are compared once. out[0..n) cleared on failure. */
mz_status mz_articles_versions(mz_db *db, const mz_article *a, size_t n, mz_article_versions *out,
                               mz_error *err);
/* Clears each of v[0..n) and frees the array v (NULL: nothing). */
void mz_article_versions_free(mz_article_versions *v, size_t n);

/* Groups r->members into r->voices (near-copies and same site); a member's
 * weight is 1 - P(unrelated), shrunk when its claim coverage is below
 * coverage_full (see mz_verdict_params). */
mz_status mz_check_build_voices(mz_check_result *r, const mz_verdict_params *vp);
/* Frees r->voices and leaves none (result.c). */
void mz_check_voices_clear(mz_check_result *r);
double mz_member_weight(const mz_check_member *m, double coverage_full);
/* (Re)computes each voice's representative, probabilities and weight, and
 * orders the voices strongest first. */
void mz_check_weigh_voices(mz_check_result *r, const mz_verdict_params *vp);


/* Regroups the voices and decides again with other verdict parameters
 * (numbers are left as they are). For sweeps. */
mz_status mz_check_redecide(mz_check_result *r, const mz_verdict_params *vp);

/* Fills r->numbers from the evidence sentences of related members. */
mz_status mz_check_collect_numbers(mz_check_result *r);

/* ------------------------------------------------------------ claim_day.c */

/* The share of the claim's stems c that the sentence s[0..len) holds. */
double mz_covers_claim(const mz_claim_stems *c, const char *s, size_t len);
/* The claim's stems c other than its day's words (a weekday, a month,
 * «يوم», every word of the claim's date `day` as written), into event:
 * what tells which event the claim's day is of. */
void mz_claim_event_stems(const mz_claim_stems *c, const char *claim, const mz_number *day,
                          mz_claim_stems *event);
/* Marks the dates of q that tell the claim's day (claim, a day of a named
 * month) is out of date: a postponement of the claim's event off it
 * (mz_check_value.moves_claim, q->claim_day). */
void mz_mark_moved_day(mz_check_quantity *q, const mz_number *claim, const mz_claim_stems *event);
/* Marks the dates of q that give the claim's event another full day than
 * the claim's, where none gives the claim's (mz_check_value.other_day). */
void mz_mark_other_day(mz_check_quantity *q, const mz_number *claim, const mz_claim_stems *event);

#endif /* MZ_CHECK_H */
