# mizan — build, test, fuzz, demo.
#   make            library + CLI + examples (build/libmizan.a, build/libmizan.so, build/mizan, build/examples/)
#   make install    the CLI, mizan.h, both libraries, the model and mizan.pc under PREFIX (/usr/local),
#                   staged under DESTDIR if given; make uninstall removes them (same PREFIX as the build)
#   make check      installs packages (scripts/setup.sh), then all tests, then again under ASan+UBSan, plus short fuzz runs and the browser test
#   make demo       installs packages, builds, ingests the bundled sample (and ../shared/seeds) and check a claim
#   make fuzz       longer libFuzzer runs
#   make tsan       the threaded tests under ThreadSanitizer (build-tsan/; not part of make check)
#   make model      retrain models/stance.model from ../shared/data
# BUILD selects the output folder, so several builds (e.g. sanitizers) coexist.

CC      ?= cc
BUILD   ?= build
SHARED  ?= ../shared
OPT     ?= -O2
SAN     ?=
PKGS    := sqlite3 libcjson libmicrohttpd libxml-2.0
CPPFLAGS += -Iinclude -Isrc -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
CFLAGS  += -std=c17 -Wall -Wextra -Werror -g $(OPT) $(SAN) $(shell pkg-config --cflags $(PKGS))
LDLIBS  += $(shell pkg-config --libs $(PKGS)) -lstemmer -lpthread -lm
LDFLAGS += $(SAN)

# The version is the header's (MZ_VERSION_STRING); the soname follows MAJOR.
VERSION := $(shell sed -n 's/^\#define MZ_VERSION_STRING "\(.*\)"$$/\1/p' include/mizan.h)
MAJOR   := $(shell sed -n 's/^\#define MZ_VERSION_MAJOR \([0-9]*\)$$/\1/p' include/mizan.h)
SONAME  := libmizan.so.$(MAJOR)
# What the library alone links (not libmicrohttpd: only the server uses it);
# mizan.pc says the same for static linking.
LIB_PKGS := sqlite3 libcjson libxml-2.0
LIB_LIBS := -lstemmer -lpthread -lm

# Installation. The model's directory is compiled into the library (the
# default model of an installed program), so build and install with the same
# PREFIX: a different one rebuilds model.o.
PREFIX     ?= /usr/local
BINDIR     ?= $(PREFIX)/bin
LIBDIR     ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
DATADIR    ?= $(PREFIX)/share
PKGDATADIR ?= $(DATADIR)/mizan
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig
INSTALL    ?= install

# The library is every module under src/ except the front ends (cli/, server/).
LIB_SRC := $(sort $(filter-out src/cli/% src/server/%,$(wildcard src/*/*.c)))
CLI_SRC := $(sort $(wildcard src/cli/*.c src/server/*.c))
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o)
CLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/%.o)
# Tests mirror the tree: tests/<module>/test_*.c, one binary each, linked with
# the library and the front-end objects except the CLI's main().
TEST_SRC := $(sort $(wildcard tests/*/test_*.c))
TEST_BIN := $(TEST_SRC:%.c=$(BUILD)/%)
FRONT_OBJ := $(filter-out $(BUILD)/src/cli/main.o,$(CLI_OBJ))
# Programs embedding the library as a user would: only include/, C99, and
# compiled as C++ too (tests/api runs them).
EXAMPLE_BIN := $(patsubst examples/%.c,$(BUILD)/examples/%,$(wildcard examples/*.c))
CMOCKA   = $(shell pkg-config --cflags --libs cmocka)

.PHONY: all lib tests check test asan tsan fuzz fuzz-short fuzz-obj demo model bench clean setup browser \
        install uninstall FORCE

all: $(BUILD)/mizan $(EXAMPLE_BIN) $(BUILD)/libmizan.so

lib: $(BUILD)/libmizan.a $(BUILD)/libmizan.so

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -MMD -MP -c $< -o $@

# The library's objects serve both libraries: position-independent, and only
# what mizan.h marks MZ_API visible outside libmizan.so. The installed
# model's folder is compiled into model.o (mz_model_load's default). Each
# stamp file is rewritten, and what depends on it rebuilt, only when the
# text it holds changes (objects built before these flags, a new PREFIX).
LIB_CFLAGS := -fPIC -fvisibility=hidden -fno-semantic-interposition
$(LIB_OBJ): CFLAGS += $(LIB_CFLAGS)
$(LIB_OBJ): $(BUILD)/libflags.stamp
$(BUILD)/src/stance/model.o: CPPFLAGS += -DMZ_DATA_DIR='"$(PKGDATADIR)"'
$(BUILD)/src/stance/model.o: $(BUILD)/datadir.stamp
$(BUILD)/libflags.stamp: FORCE
	@mkdir -p $(dir $@)
	@echo '$(LIB_CFLAGS)' | cmp -s - $@ || echo '$(LIB_CFLAGS)' >$@
$(BUILD)/datadir.stamp: FORCE
	@mkdir -p $(dir $@)
	@echo '$(PKGDATADIR)' | cmp -s - $@ || echo '$(PKGDATADIR)' >$@
FORCE:

$(BUILD)/libmizan.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

# The version script keeps anything but mz_ (a sanitizer's symbols) local;
# -z defs (not with a sanitizer, whose runtime the program brings) checks that
# the library names everything it uses.
$(BUILD)/libmizan.so.$(VERSION): $(LIB_OBJ) src/libmizan.map
	$(CC) -shared $(LDFLAGS) -Wl,-soname,$(SONAME) -Wl,--version-script=src/libmizan.map \
	    $(if $(SAN),,-Wl,-z,defs) -Wl,--as-needed -o $@ $(LIB_OBJ) \
	    $(shell pkg-config --libs $(LIB_PKGS)) $(LIB_LIBS)

$(BUILD)/$(SONAME): $(BUILD)/libmizan.so.$(VERSION)
	ln -sf libmizan.so.$(VERSION) $@

$(BUILD)/libmizan.so: $(BUILD)/$(SONAME)
	ln -sf $(SONAME) $@

# Made each time from PREFIX and the folders as given now (folders under
# PREFIX written ${prefix}/..., so pkg-config --define-prefix can move them).
$(BUILD)/mizan.pc: src/mizan.pc.in FORCE
	@mkdir -p $(dir $@)
	@sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(patsubst $(PREFIX)/%,$${prefix}/%,$(LIBDIR))|' \
	    -e 's|@INCLUDEDIR@|$(patsubst $(PREFIX)/%,$${prefix}/%,$(INCLUDEDIR))|' \
	    -e 's|@PKGDATADIR@|$(patsubst $(PREFIX)/%,$${prefix}/%,$(PKGDATADIR))|' \
	    -e 's|@VERSION@|$(VERSION)|' -e 's|@REQUIRES@|$(LIB_PKGS)|' -e 's|@LIBS@|$(LIB_LIBS)|' $< >$@.tmp
	@cmp -s $@.tmp $@ && rm -f $@.tmp || mv -f $@.tmp $@

$(BUILD)/mizan: $(CLI_OBJ) $(BUILD)/libmizan.a
	$(CC) $(LDFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/libmizan.a $(LDLIBS)

$(BUILD)/tests/%: tests/%.c $(FRONT_OBJ) $(BUILD)/libmizan.a
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -Wno-unused-parameter $(TEST_LDFLAGS) -o $@ $< $(FRONT_OBJ) $(BUILD)/libmizan.a $(LDLIBS) $(CMOCKA)
# test_conns makes allocations fail through these wrappers (its own).
$(BUILD)/tests/server/test_conns: private TEST_LDFLAGS := -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc

$(BUILD)/examples/%: examples/%.c include/mizan.h $(BUILD)/libmizan.a
	@mkdir -p $(dir $@)
	$(CXX) -x c++ -std=c++11 -Wall -Wextra -Werror -pedantic -Iinclude -fsyntax-only $<
	$(CC) -std=c99 -Wall -Wextra -Werror -pedantic -g $(OPT) $(SAN) -Iinclude -o $@ $< \
	    $(BUILD)/libmizan.a $(LDLIBS)

tests: $(TEST_BIN) $(BUILD)/mizan $(EXAMPLE_BIN)

# Plain build, then the whole suite again under ASan+UBSan, then short fuzz runs.
check: setup
	@rm -f build*/test-results.txt build-fuzz/fuzz-results.txt
	$(MAKE) -j2 test
	$(MAKE) -j2 test BUILD=build-asan OPT=-O1 SAN="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all"
	@# clang too (its -Wall reads what gcc's does not: -Wstring-concatenation); built, not run
	$(MAKE) -j2 CC=clang BUILD=build-clang all tests
	$(MAKE) fuzz-short
	$(MAKE) browser
	@bash tests/summary.sh

test: tests $(BUILD)/libmizan.so $(BUILD)/mizan.pc
	@MIZAN_BIN=$(BUILD)/mizan SHARED=$(SHARED) MAKE="$(MAKE)" MZ_PREFIX="$(PREFIX)" CC="$(CC)" \
	    MZ_SAN="$(SAN)" bash tests/run.sh $(BUILD) $(TEST_BIN) tests/install/test_install.sh

# DESTDIR stages the tree (packaging, tests/install); PREFIX is where it runs.
install: $(BUILD)/mizan $(BUILD)/libmizan.a $(BUILD)/libmizan.so $(BUILD)/mizan.pc
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(INCLUDEDIR) $(DESTDIR)$(LIBDIR) \
	    $(DESTDIR)$(PKGCONFIGDIR) $(DESTDIR)$(PKGDATADIR)/web
	$(INSTALL) -m 755 $(BUILD)/mizan $(DESTDIR)$(BINDIR)/mizan
	$(INSTALL) -m 644 include/mizan.h $(DESTDIR)$(INCLUDEDIR)/mizan.h
	$(INSTALL) -m 644 $(BUILD)/libmizan.a $(DESTDIR)$(LIBDIR)/libmizan.a
	$(INSTALL) -m 755 $(BUILD)/libmizan.so.$(VERSION) $(DESTDIR)$(LIBDIR)/libmizan.so.$(VERSION)
	ln -sf libmizan.so.$(VERSION) $(DESTDIR)$(LIBDIR)/$(SONAME)
	ln -sf $(SONAME) $(DESTDIR)$(LIBDIR)/libmizan.so
	$(INSTALL) -m 644 $(BUILD)/mizan.pc $(DESTDIR)$(PKGCONFIGDIR)/mizan.pc
	$(INSTALL) -m 644 models/stance.model $(DESTDIR)$(PKGDATADIR)/stance.model
	$(INSTALL) -m 644 $(wildcard web/*.html web/*.js web/*.css web/*.svg) $(DESTDIR)$(PKGDATADIR)/web/
	@if [ -z "$(DESTDIR)" ] && ! ldconfig 2>/dev/null; then \
	    echo "install: run ldconfig (as root) so that programs find $(LIBDIR)/$(SONAME)"; fi

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/mizan $(DESTDIR)$(INCLUDEDIR)/mizan.h $(DESTDIR)$(LIBDIR)/libmizan.a \
	    $(DESTDIR)$(LIBDIR)/libmizan.so.$(VERSION) $(DESTDIR)$(LIBDIR)/$(SONAME) \
	    $(DESTDIR)$(LIBDIR)/libmizan.so $(DESTDIR)$(PKGCONFIGDIR)/mizan.pc \
	    $(DESTDIR)$(PKGDATADIR)/stance.model $(addprefix $(DESTDIR)$(PKGDATADIR)/web/,$(notdir $(wildcard web/*.html web/*.js web/*.css web/*.svg)))
	@rmdir $(DESTDIR)$(PKGDATADIR)/web $(DESTDIR)$(PKGDATADIR) 2>/dev/null || true

# The web page in headless chromium against a real `mizan serve` (tests/browser/).
browser: $(BUILD)/mizan
	@bash tests/browser/run.sh $(BUILD)

asan:
	$(MAKE) -j2 test BUILD=build-asan OPT=-O1 SAN="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all"

# The tests that run threads (readers beside a writer, the tokenizer, the
# numbers reader, checks and predictions on a shared model, the server's
# workers) under ThreadSanitizer; any report fails them. Not in `make check`:
# it builds the library once more, for a property few changes touch.
TSAN_TESTS := tests/store/test_threads tests/text/test_threads tests/check/test_numbers_threads \
              tests/check/test_check tests/stance/test_model tests/server/test_api
tsan:
	$(MAKE) -j2 BUILD=build-tsan OPT=-O1 SAN=-fsanitize=thread build-tsan/mizan $(TSAN_TESTS:%=build-tsan/%)
	@TSAN_OPTIONS="halt_on_error=1 $${TSAN_OPTIONS:-}" MIZAN_BIN=build-tsan/mizan SHARED=$(SHARED) \
	    bash tests/run.sh build-tsan $(TSAN_TESTS:%=build-tsan/%)

# libFuzzer targets (clang): one per parser, see fuzz/. Undefined behaviour
# stops a run like a crash (-fno-sanitize-recover): printed and gone on from,
# it passed unseen (null + 0 in the tokenizer, every model load).
FUZZ_SRC := $(sort $(wildcard fuzz/fuzz_*.c))
FUZZ_BIN := $(FUZZ_SRC:fuzz/%.c=build-fuzz/%)
# src/json/json.c: the cJSON helpers (mz_json_add) that stance/report.c uses.
FUZZ_LIB_SRC := $(filter src/text/% src/util/% src/json/json.c src/store/jsonl% src/store/json_doc% src/store/html% src/store/feed% src/store/date_line% src/store/text_checks% src/store/derive% src/store/site% \
                          src/stance/%,$(LIB_SRC))
# The stance evidence names its number cues with the claim check's numbers
# reader (stance/evidence_numbers.c): its modules are linked too, but for
# fuzz_numbers, which #includes them to reach their internals.
FUZZ_NUM_SRC := $(filter src/check/words.c src/check/events.c src/check/days.c src/check/days_resolve.c src/check/days_future.c \
                         src/check/numbers%,$(LIB_SRC))
# Some targets #include the module they fuzz (e.g. fuzz_numbers.c): any
# header or check/ source change rebuilds them too.
build-fuzz/%: fuzz/%.c $(FUZZ_LIB_SRC) $(wildcard src/*/*.h src/check/*.c)
	@mkdir -p build-fuzz
	clang $(CPPFLAGS) -std=c17 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all $(shell pkg-config --cflags $(PKGS)) -o $@ $< $(FUZZ_LIB_SRC) $(if $(filter build-fuzz/fuzz_numbers,$@),,$(FUZZ_NUM_SRC)) -lstemmer -lm $(shell pkg-config --libs libcjson libxml-2.0)

# Targets for parsers beyond the text engine (store, CLI, server) link an
# instrumented build of the library (an archive: only the members they use)
# and of the front-end objects, made once by this Makefile under build-fuzz/obj.
FUZZ_FULL := $(addprefix build-fuzz/,fuzz_check fuzz_derive fuzz_claims_line fuzz_request_body fuzz_request_head fuzz_request_framing fuzz_query fuzz_html fuzz_feed \
                                   fuzz_eval_claims)
FUZZ_OBJ := build-fuzz/obj/libmizan.a $(filter-out %/main.o,$(CLI_SRC:%.c=build-fuzz/obj/%.o))
ifneq ($(BUILD),build-fuzz/obj)
$(FUZZ_OBJ): fuzz-obj
fuzz-obj:
	@$(MAKE) --no-print-directory CC=clang BUILD=build-fuzz/obj OPT=-O1 SAN="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all" $(FUZZ_OBJ)
endif
$(FUZZ_FULL): build-fuzz/%: fuzz/%.c $(FUZZ_OBJ) $(LIB_SRC) $(CLI_SRC) $(wildcard src/*/*.h)
	clang $(CPPFLAGS) -std=c17 -Wall -Wextra -Werror -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all $(shell pkg-config --cflags $(PKGS)) -o $@ $< $(filter-out %.a,$(FUZZ_OBJ)) build-fuzz/obj/libmizan.a $(LDLIBS)

fuzz-short: $(FUZZ_BIN)
	@bash fuzz/run.sh 10 $(FUZZ_BIN)

fuzz: $(FUZZ_BIN)
	@bash fuzz/run.sh 300 $(FUZZ_BIN)

demo: setup
	$(MAKE) $(BUILD)/mizan
	@bash scripts/demo.sh $(BUILD)/mizan $(SHARED)

model: $(BUILD)/mizan
	$(BUILD)/mizan train --data $(SHARED)/data/baly2018/train.jsonl,data/written/train.jsonl --out models/stance.model

bench: $(BUILD)/mizan
	@bash bench/run.sh $(BUILD) $(SHARED)

setup:
	bash scripts/setup.sh

clean:
	rm -rf build build-asan build-fuzz

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)
