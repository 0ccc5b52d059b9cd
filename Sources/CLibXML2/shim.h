#ifndef NEWSDESK_CLIBXML2_SHIM_H
#define NEWSDESK_CLIBXML2_SHIM_H
/* Debian's libxml2 is built with ICU; its unicode/ headers clash with Foundation's bundled ICU module.
   We never touch the ICU fields of xmlCharEncodingHandler (only pointers to it), so hide them. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <string.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/xmlsave.h>
#include <libxml/encoding.h>
#include <libxml/uri.h>

/// Debian builds libxml2 with LIBXML_THREAD_ALLOC_ENABLED, so xmlFree is a macro Swift cannot see.
static inline void clibxml2_free(void *p) { xmlFree(p); }

/// xmlGenericErrorFunc is C-variadic: a silent one, installed per thread right before a parse.
static void clibxml2_silent_generic(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }
static void clibxml2_silent_structured(void *ctx, xmlErrorPtr err) { (void)ctx; (void)err; }
static inline void clibxml2_silence_errors(void) {
    xmlSetGenericErrorFunc(NULL, clibxml2_silent_generic);
    xmlSetStructuredErrorFunc(NULL, clibxml2_silent_structured);
}
/// The SAX error/warning slots are variadic too.
static inline void clibxml2_sax_silence(xmlSAXHandler *sax) {
    sax->error = (errorSAXFunc)clibxml2_silent_generic;
    sax->warning = (warningSAXFunc)clibxml2_silent_generic;
    sax->fatalError = (fatalErrorSAXFunc)clibxml2_silent_generic;
    sax->serror = clibxml2_silent_structured;
}
#endif
