/*
 * model.c — the stance model file: loading, saving, default lookup.
 *
 * The file is text, one record per line, so it diffs and inspects well:
 *
 *   mizan-stance-model 1                 magic and format version
 *   feature_set ar-stance-3              the extractor it was trained for
 *   classes agree disagree discuss unrelated
 *   temperature T                        calibration: softmax(z / T + B)
 *   calib_bias B_agree B_disagree B_discuss B_unrelated
 *   boilerplate 0|1                      features skip web-page furniture lines
 *   dense N                              then N lines:
 *   f NAME MEAN SCALE W_agree W_disagree W_discuss W_unrelated
 *   bias B_agree B_disagree B_discuss B_unrelated
 *   lex BITS NONZERO                     hashed lexical weights, then:
 *   l BUCKET W_agree W_disagree W_discuss W_unrelated
 *   idf BITS N_DOCS NONZERO              document frequencies, then:
 *   d BUCKET DF
 *   end CHECKSUM                         FNV-1a 64 of every byte before "end"
 *
 * Floats are printed with %.17g (dense) / %.9g (lexical), so saving is
 * byte-stable. Any damage (truncation, edits, another version, other feature
 * names) is refused with MZ_ERR_MODEL.
 */
#include "stance/stance.h"
#include "util/util.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAGIC "mizan-stance-model"
#define FORMAT_VERSION 2
#define MAX_MODEL_BYTES (64u << 20)
/* The installed model's folder: make sets it from PREFIX (PKGDATADIR). */
#ifndef MZ_DATA_DIR
#define MZ_DATA_DIR "/usr/local/share/mizan"
#endif

void mz_model_free(mz_model *m)
{
    if (!m)
        return;
    free(m->mean);
    free(m->scale);
    free(m->w);
    free(m->wlex);
    free(m->idf.df);
    mz_lexicon_free(m->lexicon);
    free(m);
}

mz_status mz_model_new(uint32_t lex_bits, uint32_t idf_bits, mz_model **out, mz_error *err)
{
    *out = NULL;
    if (lex_bits > 24 || idf_bits > 24 || idf_bits < 4)
        return mz_fail(err, MZ_ERR_ARG, "hash table size out of range");
    mz_model *m = calloc(1, sizeof *m);
    if (!m)
        return mz_fail(err, MZ_ERR_NOMEM, "out of memory");
    snprintf(m->feature_set, sizeof m->feature_set, "%s", MZ_FEATURE_SET);
    m->n_dense = mz_n_dense;
    m->temperature = 1.0;
    m->lex_bits = lex_bits;
    m->idf.bits = idf_bits;
    m->mean = calloc(m->n_dense, sizeof *m->mean);
    m->scale = calloc(m->n_dense, sizeof *m->scale);
    m->w = calloc(m->n_dense * MZ_N_STANCES, sizeof *m->w);
    m->idf.df = calloc((size_t)1 << idf_bits, sizeof *m->idf.df);
    if (lex_bits)
        m->wlex = calloc(((size_t)1 << lex_bits) * MZ_N_STANCES, sizeof *m->wlex);
    if (!m->mean || !m->scale || !m->w || !m->idf.df || (lex_bits && !m->wlex)) {
        mz_model_free(m);
        return mz_fail(err, MZ_ERR_NOMEM, "out of memory");
    }
    for (size_t i = 0; i < m->n_dense; i++)
        m->scale[i] = 1.0;
    mz_status st = mz_lexicon_new(&m->lexicon, err);
    if (st != MZ_OK) {
        mz_model_free(m);
        return st;
    }
    *out = m;
    return MZ_OK;
}

static uint64_t checksum(const char *s, size_t n)
{
    return mz_hash64(s, n);
}

mz_status mz_model_save(const mz_model *m, const char *path, mz_error *err)
{
    mz_buf b = {0};
    int bad = 0;
    bad |= mz_buf_printf(&b, "%s %d\nfeature_set %s\nclasses", MAGIC, FORMAT_VERSION, m->feature_set);
    for (int k = 0; k < MZ_N_STANCES; k++)
        bad |= mz_buf_printf(&b, " %s", mz_stance_name((mz_stance)k));
    bad |= mz_buf_printf(&b, "\ntemperature %.17g\ncalib_bias", m->temperature);
    for (int k = 0; k < MZ_N_STANCES; k++)
        bad |= mz_buf_printf(&b, " %.17g", m->calib_bias[k]);
    bad |= mz_buf_printf(&b, "\nboilerplate %d\ndense %zu\n", m->boilerplate ? 1 : 0, m->n_dense);
    for (size_t i = 0; i < m->n_dense; i++) {
        bad |= mz_buf_printf(&b, "f %s %.17g %.17g", mz_dense_features[i].name, m->mean[i], m->scale[i]);
        for (int k = 0; k < MZ_N_STANCES; k++)
            bad |= mz_buf_printf(&b, " %.17g", m->w[i * MZ_N_STANCES + k]);
        bad |= mz_buf_puts(&b, "\n");
    }
    bad |= mz_buf_puts(&b, "bias");
    for (int k = 0; k < MZ_N_STANCES; k++)
        bad |= mz_buf_printf(&b, " %.17g", m->bias[k]);
    size_t n_lex = (size_t)1 << m->lex_bits, nz = 0;
    for (size_t i = 0; m->wlex && i < n_lex; i++)
        for (int k = 0; k < MZ_N_STANCES; k++)
            if (m->wlex[i * MZ_N_STANCES + k] != 0) {
                nz++;
                break;
            }
    bad |= mz_buf_printf(&b, "\nlex %u %zu\n", m->lex_bits, m->wlex ? nz : 0);
    for (size_t i = 0; m->wlex && i < n_lex; i++) {
        const float *w = &m->wlex[i * MZ_N_STANCES];
        if (!w[0] && !w[1] && !w[2] && !w[3])
            continue;
        bad |= mz_buf_printf(&b, "l %zu %.9g %.9g %.9g %.9g\n", i, (double)w[0], (double)w[1],
                             (double)w[2], (double)w[3]);
    }
    size_t n_idf = (size_t)1 << m->idf.bits, dnz = 0;
    for (size_t i = 0; i < n_idf; i++)
        dnz += m->idf.df[i] != 0;
    bad |= mz_buf_printf(&b, "idf %u %u %zu\n", m->idf.bits, m->idf.n_docs, dnz);
    for (size_t i = 0; i < n_idf; i++)
        if (m->idf.df[i])
            bad |= mz_buf_printf(&b, "d %zu %u\n", i, m->idf.df[i]);
    if (bad || mz_buf_printf(&b, "end %016llx\n", (unsigned long long)checksum(b.p, b.len))) {
        mz_buf_free(&b);
        return mz_fail(err, MZ_ERR_NOMEM, "out of memory writing the model");
    }
    mz_status st = mz_write_file(path, b.p, b.len, "model", err);
    mz_buf_free(&b);
    return st;
}

/* ---- parsing */

typedef struct cursor {
    const char *p, *end;
    size_t line;
    char buf[1024];
} cursor;

/* Next line into c->buf (NUL-terminated, without \n). 0 ok, -1 at end or overlong. */
static int next_line(cursor *c)
{
    if (c->p >= c->end)
        return -1;
    const char *nl = memchr(c->p, '\n', (size_t)(c->end - c->p));
    size_t n = nl ? (size_t)(nl - c->p) : (size_t)(c->end - c->p);
    if (n >= sizeof c->buf)
        return -1;
    memcpy(c->buf, c->p, n);
    c->buf[n] = '\0';
    c->p = nl ? nl + 1 : c->end;
    c->line++;
    return 0;
}

static int parse_doubles(const char *s, double *out, int n)
{
    char *end;
    for (int i = 0; i < n; i++) {
        errno = 0;
        out[i] = strtod(s, &end);
        if (end == s || errno == ERANGE || !isfinite(out[i])) /* nan, inf: no model writes them */
            return -1;
        s = end;
    }
    while (*s == ' ')
        s++;
    return *s ? -1 : 0;
}

#define BAD(...) do { st = mz_fail(err, MZ_ERR_MODEL, __VA_ARGS__); goto fail; } while (0)

mz_status mz_model_parse(const char *buf, size_t len, const char *what, mz_model **out,
                         mz_error *err)
{
    *out = NULL;
    mz_model *m = NULL;
    mz_status st;
    /* checksum line: the last line, "end %016llx\n" */
    const size_t tail = 4 + 16 + 1;
    if (len == 0) /* touched, or cut to nothing: not another kind of file */
        return mz_fail(err, MZ_ERR_MODEL, "%s: empty file, not a stance model", what);
    if (len < tail || memcmp(buf, MAGIC " ", strlen(MAGIC) + 1) != 0)
        return mz_fail(err, MZ_ERR_MODEL, "%s: not a mizan stance model (bad magic)", what);
    if (memcmp(buf + len - tail, "end ", 4) != 0 || buf[len - 1] != '\n')
        return mz_fail(err, MZ_ERR_MODEL, "%s: truncated model file (no end record)", what);
    /* exactly the 16 lowercase hex digits save writes: strtoull would also
     * take blanks, a sign, "0x" or capitals, so a changed file could pass */
    unsigned long long want = 0;
    bool hex_ok = true;
    for (const char *h = buf + len - tail + 4; h < buf + len - 1; h++) {
        int v = *h >= '0' && *h <= '9' ? *h - '0' : *h >= 'a' && *h <= 'f' ? *h - 'a' + 10 : -1;
        hex_ok = hex_ok && v >= 0;
        want = want << 4 | (unsigned)(v & 0xF);
    }
    if (!hex_ok || want != checksum(buf, len - tail))
        return mz_fail(err, MZ_ERR_MODEL, "%s: corrupt model file (checksum mismatch)", what);

    cursor c = {buf, buf + len - tail, 0, {0}};
    int version;
    if (next_line(&c) || sscanf(c.buf, MAGIC " %d", &version) != 1)
        return mz_fail(err, MZ_ERR_MODEL, "%s: bad header", what);
    if (version != FORMAT_VERSION)
        return mz_fail(err, MZ_ERR_MODEL, "%s: model format version %d, this build reads %d", what,
                       version, FORMAT_VERSION);
    char fs[64];
    if (next_line(&c) || sscanf(c.buf, "feature_set %63s", fs) != 1)
        return mz_fail(err, MZ_ERR_MODEL, "%s: line %zu: expected feature_set", what, c.line);
    if (strcmp(fs, MZ_FEATURE_SET) != 0)
        return mz_fail(err, MZ_ERR_MODEL, "%s: model is for feature set '%s', this build computes '%s'",
                       what, fs, MZ_FEATURE_SET);
    if (next_line(&c) || strcmp(c.buf, "classes agree disagree discuss unrelated") != 0)
        return mz_fail(err, MZ_ERR_MODEL, "%s: line %zu: unexpected class list", what, c.line);
    double temp;
    if (next_line(&c) || strncmp(c.buf, "temperature ", 12) || parse_doubles(c.buf + 12, &temp, 1) ||
        !(temp > 0))
        return mz_fail(err, MZ_ERR_MODEL, "%s: line %zu: bad temperature", what, c.line);
    double cbias[MZ_N_STANCES];
    if (next_line(&c) || strncmp(c.buf, "calib_bias ", 11) ||
        parse_doubles(c.buf + 11, cbias, MZ_N_STANCES))
        return mz_fail(err, MZ_ERR_MODEL, "%s: line %zu: bad calib_bias", what, c.line);
    int boilerplate;
    if (next_line(&c) || sscanf(c.buf, "boilerplate %d", &boilerplate) != 1 ||
        (boilerplate != 0 && boilerplate != 1))
        return mz_fail(err, MZ_ERR_MODEL, "%s: line %zu: expected boilerplate 0|1", what, c.line);
    size_t n_dense;
    if (next_line(&c) || sscanf(c.buf, "dense %zu", &n_dense) != 1)
        return mz_fail(err, MZ_ERR_MODEL, "%s: line %zu: expected dense", what, c.line);
    if (n_dense != mz_n_dense)
        return mz_fail(err, MZ_ERR_MODEL, "%s: model has %zu dense features, this build %zu", what,
                       n_dense, mz_n_dense);
    /* lex bits and idf bits come later; peek by allocating after reading dense */
    double *dense = calloc(n_dense * (2 + MZ_N_STANCES), sizeof *dense);
    if (!dense)
        return mz_fail(err, MZ_ERR_NOMEM, "out of memory");
    st = MZ_OK;
    for (size_t i = 0; i < n_dense; i++) {
        char name[64];
        int off = 0;
        if (next_line(&c) || sscanf(c.buf, "f %63s %n", name, &off) != 1 || off == 0) {
            st = mz_fail(err, MZ_ERR_MODEL, "%s: line %zu: expected a feature", what, c.line);
            break;
        }
        if (strcmp(name, mz_dense_features[i].name) != 0) {
            st = mz_fail(err, MZ_ERR_MODEL, "%s: feature %zu is '%s', this build expects '%s'", what,
                         i, name, mz_dense_features[i].name);
            break;
        }
        if (parse_doubles(c.buf + off, &dense[i * (2 + MZ_N_STANCES)], 2 + MZ_N_STANCES)) {
            st = mz_fail(err, MZ_ERR_MODEL, "%s: line %zu: bad numbers", what, c.line);
            break;
        }
    }
    double bias[MZ_N_STANCES];
    unsigned lex_bits = 0;
    size_t lex_nz = 0;
    if (st == MZ_OK && (next_line(&c) || strncmp(c.buf, "bias ", 5) ||
                        parse_doubles(c.buf + 5, bias, MZ_N_STANCES)))
        st = mz_fail(err, MZ_ERR_MODEL, "%s: line %zu: bad bias", what, c.line);
    if (st == MZ_OK && (next_line(&c) || sscanf(c.buf, "lex %u %zu", &lex_bits, &lex_nz) != 2 ||
                        lex_bits > 24))
        st = mz_fail(err, MZ_ERR_MODEL, "%s: line %zu: bad lex record", what, c.line);
    if (st == MZ_OK)
        st = mz_model_new(lex_bits, 16, &m, err);
    if (st != MZ_OK) {
        free(dense);
        return st;
    }
    for (size_t i = 0; i < n_dense; i++) {
        const double *r = &dense[i * (2 + MZ_N_STANCES)];
        if (!(r[1] > 0)) { /* features are divided by it: training writes 1 for a constant one */
            st = mz_fail(err, MZ_ERR_MODEL, "%s: feature %s has scale %g (must be > 0)", what,
                         mz_dense_features[i].name, r[1]);
            mz_model_free(m);
            free(dense);
            return st;
        }
        m->mean[i] = r[0];
        m->scale[i] = r[1];
        memcpy(&m->w[i * MZ_N_STANCES], r + 2, MZ_N_STANCES * sizeof(double));
    }
    free(dense);
    memcpy(m->bias, bias, sizeof bias);
    m->temperature = temp;
    memcpy(m->calib_bias, cbias, sizeof cbias);
    m->boilerplate = boilerplate == 1;
    if (lex_nz > ((size_t)1 << lex_bits))
        BAD("%s: lex record count out of range", what);
    for (size_t i = 0; i < lex_nz; i++) {
        size_t bucket;
        int off = 0;
        double w[MZ_N_STANCES];
        if (next_line(&c) || sscanf(c.buf, "l %zu %n", &bucket, &off) != 1 || off == 0 ||
            bucket >= ((size_t)1 << lex_bits) || parse_doubles(c.buf + off, w, MZ_N_STANCES))
            BAD("%s: line %zu: bad lexical weight", what, c.line);
        for (int k = 0; k < MZ_N_STANCES; k++)
            m->wlex[bucket * MZ_N_STANCES + k] = (float)w[k];
    }
    unsigned idf_bits;
    unsigned n_docs;
    size_t idf_nz;
    if (next_line(&c) || sscanf(c.buf, "idf %u %u %zu", &idf_bits, &n_docs, &idf_nz) != 3 ||
        idf_bits < 4 || idf_bits > 24 || idf_nz > ((size_t)1 << idf_bits))
        BAD("%s: line %zu: bad idf record", what, c.line);
    if (idf_bits != m->idf.bits) {
        free(m->idf.df);
        m->idf.bits = idf_bits;
        m->idf.df = calloc((size_t)1 << idf_bits, sizeof *m->idf.df);
        if (!m->idf.df) {
            st = mz_fail(err, MZ_ERR_NOMEM, "out of memory");
            goto fail;
        }
    }
    m->idf.n_docs = n_docs;
    for (size_t i = 0; i < idf_nz; i++) {
        size_t bucket;
        unsigned df;
        char extra;
        if (next_line(&c) || sscanf(c.buf, "d %zu %u %c", &bucket, &df, &extra) != 2 ||
            bucket >= ((size_t)1 << idf_bits) || df > n_docs)
            BAD("%s: line %zu: bad idf entry", what, c.line);
        m->idf.df[bucket] = df;
    }
    if (c.p != c.end)
        BAD("%s: line %zu: unexpected data before the end record", what, c.line + 1);
    *out = m;
    return MZ_OK;
fail:
    mz_model_free(m);
    return st;
}

/* out = dir + "/" + rel when that file is readable: 0, else -1. */
static int try_model(char *out, size_t cap, const char *dir, const char *rel)
{
    int w = snprintf(out, cap, "%s/%s", dir, rel);
    return w > 0 && (size_t)w < cap && access(out, R_OK) == 0 ? 0 : -1;
}

int mz_model_default_path(char *out, size_t cap)
{
    const char *env = getenv("MIZAN_MODEL");
    if (env && *env) {
        if (strlen(env) >= cap)
            return -1;
        strcpy(out, env);
        return 0;
    }
    char exe[PATH_MAX];
    if (mz_exe_dir(exe, sizeof exe)) {
        /* an installed program: PREFIX/bin/mizan -> PREFIX/share/mizan,
         * wherever the tree was moved or staged (DESTDIR) */
        if (try_model(out, cap, exe, "../share/mizan/stance.model") == 0)
            return 0;
        /* the source tree: models/stance.model beside the executable,
         * then in up to three parents (build/mizan -> ./models,
         * build-asan/tests/stance/x -> ../../../models) */
        for (int up = 0; up <= 3; up++) {
            if (try_model(out, cap, exe, "models/stance.model") == 0)
                return 0;
            char *slash = strrchr(exe, '/');
            if (!slash)
                break;
            *slash = '\0';
        }
    }
    /* where make install put it, for any program linking the library */
    return try_model(out, cap, MZ_DATA_DIR, "stance.model");
}

static mz_status load_file(const char *path, mz_model **out, mz_error *err);

mz_status mz_model_load(const char *path, mz_model **out, mz_error *err)
{
    if (!out)
        return mz_fail(err, MZ_ERR_ARG, "no output for the model");
    *out = NULL;
    char found[PATH_MAX];
    /* A missing model is a model problem (exit 6), not a missing article. */
    if (!path) {
        if (mz_model_default_path(found, sizeof found) != 0)
            return mz_fail(err, MZ_ERR_MODEL,
                           "no stance model: give its path, set MIZAN_MODEL, or install one "
                           "as %s/stance.model", MZ_DATA_DIR);
        const char *env = getenv("MIZAN_MODEL");
        if (env && *env && !strcmp(env, found)) {
            /* a path the caller never gave (a stale export in a shell
             * profile): the message says where it came from */
            mz_status st = load_file(found, out, err);
            if (st != MZ_OK && st != MZ_ERR_NOMEM && err) {
                char msg[sizeof err->msg];
                memcpy(msg, err->msg, sizeof msg);
                mz_fail(err, st, "$MIZAN_MODEL: %s", msg);
            }
            return st;
        }
        path = found;
    }
    return load_file(path, out, err);
}

/* mz_model_load of a path given or found. */
static mz_status load_file(const char *path, mz_model **out, mz_error *err)
{
    if (!*path)
        return mz_fail(err, MZ_ERR_ARG, "the model path is empty");
    /* A file named "-", not stdin as for mz_read_file: a model is a file. */
    const char *file = strcmp(path, "-") == 0 ? "./-" : path;
    /* A pipe or a device is not opened: a named pipe with no writer waited
     * for ever, /dev/zero was read to the size limit (64 MiB) before its
     * "over the limit" said nothing of what was wrong. */
    struct stat sb;
    if (stat(file, &sb) == 0 && !S_ISREG(sb.st_mode) && !S_ISDIR(sb.st_mode))
        return mz_fail(err, MZ_ERR_MODEL, "%s: not a regular file (a pipe or a device), not a "
                                          "stance model file", path);
    char *buf;
    size_t len;
    mz_status st = mz_read_file(file, MAX_MODEL_BYTES, &buf, &len, err);
    if (st == MZ_ERR_NOT_FOUND)
        return mz_fail(err, MZ_ERR_MODEL, "%s: %s", path,
                       stat(file, &sb) == 0 && S_ISDIR(sb.st_mode)
                           ? "is a directory, not a stance model file"
                           : "no such stance model file");
    if (st != MZ_OK)
        return st;
    st = mz_model_parse(buf, len, path, out, err);
    free(buf);
    return st;
}
