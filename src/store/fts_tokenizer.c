/* fts_tokenizer.c — "mizan_ar", the Arabic FTS5 tokenizer registered from C.
 * It runs the store's analyzer (normalize, drop stopwords, light-stem) and
 * reports each term with its byte span in the text as written, so FTS5's
 * snippet()/highlight() mark the words as they appear in the article. */
#include "store/db.h"
#include "text/text.h"

#include <stdlib.h>
#include <string.h>


static int tok_create(void *ctx, const char **argv, int argc, Fts5Tokenizer **out)
{
    (void)ctx;
    bool snowball = false;
    for (int i = 0; i < argc; i++) {
        if (!strcmp(argv[i], "snowball"))
            snowball = true;
        else if (strcmp(argv[i], "light") != 0)
            return SQLITE_ERROR; /* unknown option: refuse rather than index differently */
    }
    mz_analyzer *a = mz_analyzer_new(snowball);
    if (!a)
        return SQLITE_NOMEM;
    *out = (Fts5Tokenizer *)a;
    return SQLITE_OK;
}

static void tok_delete(Fts5Tokenizer *p)
{
    mz_analyzer_free((mz_analyzer *)p);
}

typedef int (*fts5_token_cb)(void *, int, const char *, int, int, int);

struct emit {
    void *ctx;
    fts5_token_cb cb;
};

static int emit_term(void *ctx, const char *term, size_t len, size_t start, size_t end)
{
    struct emit *e = ctx;
    int rc = e->cb(e->ctx, 0, term, (int)len, (int)start, (int)end);
    return rc == SQLITE_OK ? 0 : rc;
}

static int tok_tokenize(Fts5Tokenizer *p, void *ctx, int flags, const char *text, int n,
                        fts5_token_cb cb)
{
    if (n <= 0)
        return SQLITE_OK;
    /* Query terms already analyzed by mz_analyze come prefixed with a
     * control byte no document token can contain: pass them through, since
     * stemming a stem again could strip it further. */
    if ((flags & FTS5_TOKENIZE_QUERY) && text[0] == MZ_FTS_RAW[0])
        return n > 1 ? cb(ctx, 0, text + 1, n - 1, 0, n) : SQLITE_OK;
    struct emit e = {ctx, cb};
    int rc = mz_analyze_each((mz_analyzer *)p, text, (size_t)n, emit_term, &e);
    if (rc < 0)
        return SQLITE_NOMEM;
    return rc;
}

int mz_fts_register(sqlite3 *sql)
{
    fts5_api *api = NULL;
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(sql, "SELECT fts5(?1)", -1, &st, NULL);
    if (rc != SQLITE_OK)
        return rc;
    sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
    sqlite3_step(st);
    rc = sqlite3_finalize(st);
    if (rc != SQLITE_OK)
        return rc;
    if (!api)
        return SQLITE_ERROR;
    fts5_tokenizer tok = {tok_create, tok_delete, tok_tokenize};
    rc = api->xCreateTokenizer(api, "mizan_ar", NULL, &tok, NULL);
    if (rc == SQLITE_OK)
        rc = mz_fts_register_doc_count(api);
    return rc == SQLITE_OK ? mz_fts_register_bm25(api) : rc;
}
