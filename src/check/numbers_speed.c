/*
 * numbers_speed.c — a speed is not a distance. «80 كم/ساعة», «80 كلم/س»,
 * «80 كم في الساعة», «80 كيلومترا في الساعة» count kilometres an hour:
 * their noun is the whole unit as written and their key "km/h", so a
 * wind of «80 كم/ساعة» is no longer one quantity with a road's «150 كم»
 * (both were keyed كم, and set against each other). Called once a
 * number's noun is a word of kilometres (mz_num_noun_after).
 */
#include "check/numbers.h"

static bool is_km(const mz_word *w)
{
    static const char *const km[] = {"كم", "كلم", "كيلومتر", "كيلومترا", "كيلومترات"};
    return in_list(w->key, km, sizeof km / sizeof *km);
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

bool mz_num_speed_unit(const words *ws, const char *s, size_t k, mz_number *n)
{
    if (!is_km(&ws->v[k]))
        return false;
    size_t last = 0;
    if (k + 1 < ws->n && only_slash(s, ws->v[k].end, ws->v[k + 1].start) &&
        (eq(&ws->v[k + 1], "ساعه") || eq(&ws->v[k + 1], "س") || eq(&ws->v[k + 1], "سا")))
        last = k + 1; /* «كم/ساعة», «كلم/س» */
    else if (k + 1 < ws->n && eq(&ws->v[k + 1], "بالساعه"))
        last = k + 1;
    else if (k + 2 < ws->n && eq(&ws->v[k + 1], "في") && eq(&ws->v[k + 2], "الساعه"))
        last = k + 2;
    if (!last || mz_num_stop_between(s, ws->v[k].end, ws->v[last].start))
        return false;
    size_t len = ws->v[last].end - ws->v[k].start;
    if (len >= sizeof n->noun)
        return false;
    memcpy(n->noun, s + ws->v[k].start, len);
    n->noun[len] = '\0';
    strcpy(n->noun_key, "km/h");
    return true;
}
