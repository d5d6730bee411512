/*
 * numbers_speed.c — a speed is not a distance. «80 كم/ساعة», «80 كلم/س»,
 * «80 كم في الساعة», «80 كيلومترا في الساعة» count kilometres an hour:
 * their noun is the whole unit as written and their key "km/h", so a
 * wind of «80 كم/ساعة» is no longer one quantity with a road's «150 كم»
 * (both were keyed كم, and set against each other). So are miles an hour
 * («50 ميلا في الساعة», «50 ميل/ساعة»: "mph") and metres a second («20
 * مترا في الثانية», «20 م/ث»: "m/s"), each its own key: a wind of 50 mph
 * is not set against one of 80 km/h, nor a wave's «3 أمتار». Called once a
 * number's noun is a word of length (mz_num_noun_after).
 */
#include "check/numbers.h"

/* A unit of length and the time it is counted per: hour (ساعة) or second. */
typedef struct speed_unit {
    const char *const *lengths;
    size_t n_lengths;
    bool per_second;
    const char *key;
} speed_unit;

static const char *const km[] = {"كم", "كلم", "كيلومتر", "كيلومترا", "كيلومترات"};
static const char *const miles[] = {"ميل", "ميلا", "اميال"};
static const char *const metres[] = {"م", "متر", "مترا", "امتار"};
static const speed_unit units[] = {
    {km, sizeof km / sizeof *km, false, "km/h"},
    {miles, sizeof miles / sizeof *miles, false, "mph"},
    {metres, sizeof metres / sizeof *metres, true, "m/s"},
};

static const speed_unit *unit_of(const mz_word *w)
{
    for (size_t i = 0; i < sizeof units / sizeof *units; i++)
        if (in_list(w->key, units[i].lengths, units[i].n_lengths))
            return &units[i];
    return NULL;
}

/* Whether s[from, to) is a slash with spaces round it, or nothing else. */
static bool only_slash(const char *s, size_t from, size_t to)
{
    int slashes = 0;
    for (size_t i = from; i < to; i++) {
        if (s[i] == '/')
            slashes++;
        else if (s[i] != ' ')
            return false;
    }
    return slashes == 1;
}

/* The word after «/» or «في»/«بال» that names the time: the hour's
 * (ساعة، س، سا) or the second's (ثانية، ث). */
static bool per_time(const mz_word *w, bool second, bool bare)
{
    if (second)
        return bare ? eq(w, "ثانيه") || eq(w, "ث") : eq(w, "الثانيه");
    return bare ? eq(w, "ساعه") || eq(w, "س") || eq(w, "سا") : eq(w, "الساعه");
}

bool mz_num_speed_unit(const words *ws, const char *s, size_t k, mz_number *n)
{
    const speed_unit *u = unit_of(&ws->v[k]);
    if (!u)
        return false;
    size_t last = 0;
    if (k + 1 < ws->n && only_slash(s, ws->v[k].end, ws->v[k + 1].start) &&
        per_time(&ws->v[k + 1], u->per_second, true))
        last = k + 1; /* «كم/ساعة», «كلم/س», «م/ث» */
    else if (k + 1 < ws->n && eq(&ws->v[k + 1], u->per_second ? "بالثانيه" : "بالساعه"))
        last = k + 1;
    else if (k + 2 < ws->n && eq(&ws->v[k + 1], "في") &&
             per_time(&ws->v[k + 2], u->per_second, false))
        last = k + 2;
    if (!last || mz_num_stop_between(s, ws->v[k].end, ws->v[last].start))
        return false;
    size_t len = ws->v[last].end - ws->v[k].start;
    if (len >= sizeof n->noun)
        return false;
    memcpy(n->noun, s + ws->v[k].start, len);
    n->noun[len] = '\0';
    strcpy(n->noun_key, u->key);
    return true;
}
