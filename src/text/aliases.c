/*
 * aliases.c — names that news writes several ways.
 *
 * One table for the whole engine: retrieval (check/retrieve.c) and the
 * stance features (stance/claim.c) both let an article's other form of a
 * name count as the claim's words, so "قسد" covers "قوات سوريا
 * الديمقراطية" and "تنظيم الدولة" covers "داعش". Forms are written as in
 * news; each user analyzes them like any text.
 */
#include "text/text.h"

const char *const mz_alias_groups[][MZ_ALIAS_FORMS] = {
    {"قوات سوريا الديمقراطية", "قسد", "قوات سورية الديمقراطية", NULL},
    {"داعش", "تنظيم الدولة", "الدولة الإسلامية", NULL},
    {"الولايات المتحدة", "واشنطن", "أمريكا", "أميركا"},
    {"روسيا", "موسكو", "الروسية", NULL},
    {"تركيا", "أنقرة", "التركية", NULL},
    {"إيران", "طهران", "الإيرانية", NULL},
    {"السعودية", "الرياض", NULL, NULL},
    {"إسرائيل", "تل أبيب", "الإسرائيلية", NULL},
    {"وحدات حماية الشعب", "الوحدات الكردية", NULL, NULL},
    {"النظام السوري", "قوات النظام", "الجيش السوري", "قوات الأسد"},
    {"هيئة تحرير الشام", "جبهة النصرة", "النصرة", NULL},
};

const size_t mz_n_alias_groups = sizeof mz_alias_groups / sizeof mz_alias_groups[0];
