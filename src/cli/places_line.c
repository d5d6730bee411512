/* places_line.c — an article's other places on its line of `mizan list`
 * and `mizan search`: "  (also at SITE, SITE and N more)", and, in a list
 * of one site, "  (an exact copy at URL, DATE)" for a row the site carried
 * only as an exact copy (places.c). */
#include "cli/cli.h"
#include "store/db.h"
#include "store/store.h"

#include <stdio.h>
#include <string.h>

enum { PLACES_NAMED = 3 }; /* sites named on a line; the rest counted */

/* What a place names: its source (ingest fills it from the URL when none
 * was given), else its URL. */
static const char *place_src(const mz_place *p)
{
    return p->source && *p->source ? p->source : p->url;
}

/* The site a place names: its source, else its URL's host. */
static const char *place_site(const mz_place *p, size_t *len)
{
    const char *src = place_src(p);
    if (!src) {
        *len = 0;
        return "";
    }
    if (src == p->source) {
        *len = strlen(src);
        return src;
    }
    return mz_site_of(src, len);
}

void cli_print_place_sites(const mz_places *p, const char *skip)
{
    size_t shown = 0, more = 0;
    for (size_t i = 0; i < p->n; i++) {
        size_t len;
        const char *site = place_site(&p->v[i], &len);
        bool seen = !len || (skip && mz_same_site(skip, place_src(&p->v[i])));
        for (size_t k = 0; k < i && !seen; k++)
            seen = mz_same_site(place_src(&p->v[k]), place_src(&p->v[i]));
        if (seen)
            continue;
        if (shown == PLACES_NAMED) {
            more++;
            continue;
        }
        printf(shown++ ? ", %.*s" : "  (also at %.*s", (int)len, site);
    }
    if (more)
        printf(" and %zu more", more);
    if (shown)
        putchar(')');
}

void cli_print_copy_at(const mz_place *p)
{
    printf("  (an exact copy at %s", p->url ? p->url : p->source ? p->source : "-");
    if (p->published)
        printf(", %s", p->published);
    putchar(')');
}
