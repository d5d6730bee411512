/* static_files.c — serves web/ at /. Paths are checked twice: a strict
 * character whitelist with no dot-segments (libmicrohttpd has already
 * percent-decoded the path, so %2e%2e arrives here as ".."), then the
 * resolved real path must still lie inside the web root, which also refuses
 * symlinks that point out of it. */
#include "server/http.h"
#include "util/util.h"

#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_STATIC_BYTES (16u * 1024 * 1024)

static const struct {
    const char *ext, *type;
} types[] = {
    {".html", "text/html; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".css", "text/css; charset=utf-8"},
    {".json", "application/json; charset=utf-8"},
    {".svg", "image/svg+xml"},
    {".png", "image/png"},
    {".ico", "image/x-icon"},
    {".txt", "text/plain; charset=utf-8"},
    {".woff2", "font/woff2"},
};

static const char *content_type(const char *path)
{
    const char *dot = strrchr(path, '.');
    for (size_t i = 0; dot && i < sizeof types / sizeof types[0]; i++)
        if (strcmp(dot, types[i].ext) == 0)
            return types[i].type;
    return "application/octet-stream";
}

/* Letters, digits, '-', '_', '.', '/' only; no empty, hidden or dot segment. */
static bool safe_path(const char *p)
{
    if (p[0] != '/')
        return false;
    for (const char *s = p; *s; s++) {
        char c = *s;
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '-' || c == '_' || c == '.' || c == '/';
        if (!ok)
            return false;
        if (c == '/' && (s[1] == '/' || s[1] == '.'))
            return false;
    }
    return strlen(p) < 1024;
}

void srv_static(const srv_ctx *ctx, const srv_request *rq, srv_response *rs)
{
    if (!ctx->web_root[0]) {
        srv_error(rs, 404, NULL, "no web folder (set MIZAN_WEB)");
        return;
    }
    const char *rel = strcmp(rq->path, "/") == 0 ? "/index.html" : rq->path;
    if (!safe_path(rel)) {
        srv_error(rs, 404, NULL, "not found");
        return;
    }
    char want[PATH_MAX], real[PATH_MAX];
    if (snprintf(want, sizeof want, "%s%s", ctx->web_root, rel) >= (int)sizeof want ||
        !realpath(want, real)) {
        srv_error(rs, 404, NULL, "not found");
        return;
    }
    size_t root_len = strlen(ctx->web_root);
    if (strncmp(real, ctx->web_root, root_len) != 0 || real[root_len] != '/') {
        srv_error(rs, 404, NULL, "not found");
        return;
    }
    /* O_NONBLOCK: a named pipe in the web folder blocked open() until a
     * writer came, holding a server thread for ever; now it opens at once
     * and fstat turns it away. A regular file reads the same either way. */
    int fd = open(real, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > MAX_STATIC_BYTES) {
        if (fd >= 0)
            close(fd);
        srv_error(rs, 404, NULL, "not found");
        return;
    }
    rs->status = 200;
    rs->fd = fd;
    rs->fd_size = (size_t)st.st_size;
    rs->content_type = content_type(real);
    if (strstr(rs->content_type, "text/html"))
        rs->csp = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
                  "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
                  "frame-ancestors 'none'";
}

void srv_find_web_root(const char *explicit_root, char *out, size_t n)
{
    out[0] = '\0';
    char cand[5][PATH_MAX];
    size_t nc = 0;
    if (explicit_root && *explicit_root) {
        snprintf(cand[nc++], PATH_MAX, "%s", explicit_root);
    } else {
        const char *env = getenv("MIZAN_WEB");
        if (env && *env)
            snprintf(cand[nc++], PATH_MAX, "%s", env);
        char exe[PATH_MAX];
        if (mz_exe_dir(exe, sizeof exe)) {
            snprintf(cand[nc++], PATH_MAX, "%.*s/../web", PATH_MAX - 10, exe);
            snprintf(cand[nc++], PATH_MAX, "%.*s/web", PATH_MAX - 10, exe);
            /* installed: PREFIX/bin/mizan and PREFIX/share/mizan/web */
            snprintf(cand[nc++], PATH_MAX, "%.*s/../share/mizan/web", PATH_MAX - 24, exe);
        }
        snprintf(cand[nc++], PATH_MAX, "web");
    }
    for (size_t i = 0; i < nc; i++) {
        char real[PATH_MAX], index[PATH_MAX + 16];
        struct stat st;
        if (!realpath(cand[i], real))
            continue;
        snprintf(index, sizeof index, "%s/index.html", real);
        if (stat(index, &st) == 0 && S_ISREG(st.st_mode) && strlen(real) < n) {
            memcpy(out, real, strlen(real) + 1);
            return;
        }
    }
}
