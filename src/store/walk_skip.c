/* walk_skip.c — what a directory walk passes over besides hidden files: the
 * folder of a web page saved "complete" (X_files beside X.html, holding its
 * images, styles, scripts and ad frames, whose frames and scripts were
 * stored as articles), and files that are never articles by their
 * extension (images, styles, scripts, fonts, audio, video), which failed the
 * run as binary or were stored as articles of CSS, and a folder's README or
 * LICENSE. Documents (.pdf, .docx)
 * are not passed over: they may be the articles the user means, so they
 * fail with a message rather than vanish. A file named on the command line
 * is always tried. */
#include "store/db.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

static bool has_suffix(const char *name, const char *suffix)
{
    size_t n = strlen(name), k = strlen(suffix);
    return n > k && !strcasecmp(name + n - k, suffix);
}

static bool asset_name(const char *name)
{
    static const char *const ext[] = {
        ".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg", ".ico", ".bmp", ".tif",
        ".tiff", ".css", ".js", ".mjs", ".map", ".woff", ".woff2", ".ttf", ".otf", ".eot",
        ".mp3", ".m4a", ".wav", ".ogg", ".mp4", ".webm", ".mov", ".avi", ".swf"};
    for (size_t i = 0; i < sizeof ext / sizeof *ext; i++)
        if (has_suffix(name, ext[i]))
            return true;
    return false;
}

/* A folder's own notes: README, LICENSE and the like (bare, or .md, .txt,
 * .rst), which a corpus or a sample folder carries beside its articles and
 * which were stored as articles in English. */
static bool folder_notes(const char *name)
{
    static const char *const base[] = {"readme", "license", "licence", "copying",
                                       "changelog", "notice", "authors"};
    static const char *const ext[] = {"", ".md", ".txt", ".rst"};
    for (size_t i = 0; i < sizeof base / sizeof *base; i++) {
        size_t k = strlen(base[i]);
        if (strncasecmp(name, base[i], k) != 0)
            continue;
        for (size_t e = 0; e < sizeof ext / sizeof *ext; e++)
            if (!strcasecmp(name + k, ext[e]))
                return true;
    }
    return false;
}

/* Is dir/name a folder "X_files" beside a page "X.html" or "X.htm"? (The
 * name browsers give it, Chrome and Firefox alike.) */
static bool saved_page_folder(const char *dir, const char *name)
{
    size_t n = strlen(name);
    if (n <= 6 || strcmp(name + n - 6, "_files") != 0)
        return false;
    char p[4200];
    struct stat st;
    if (snprintf(p, sizeof p, "%s/%s", dir, name) >= (int)sizeof p || stat(p, &st) != 0 ||
        !S_ISDIR(st.st_mode))
        return false;
    static const char *const page_ext[] = {".html", ".htm"};
    for (size_t i = 0; i < 2; i++) {
        int k = snprintf(p, sizeof p, "%s/%.*s%s", dir, (int)(n - 6), name, page_ext[i]);
        if (k < (int)sizeof p && stat(p, &st) == 0 && S_ISREG(st.st_mode))
            return true;
    }
    return false;
}

bool mz_walk_skip(const char *dir, const char *name)
{
    return asset_name(name) || folder_notes(name) || saved_page_folder(dir, name);
}
