/* uri.h — checks of the raw request target (uri.c), made before
 * libmicrohttpd decodes it and answered once the request has arrived. */
#ifndef MZ_SERVER_URI_H
#define MZ_SERVER_URI_H

struct srv_response;

typedef struct srv_uri_flaw {
    enum {
        SRV_URI_OK,
        SRV_URI_NUL_IN_PATH,      /* %00 in the path */
        SRV_URI_BAD_PATH_ESCAPE,  /* a '%' not followed by two hex digits ... */
        SRV_URI_BAD_NAME_ESCAPE,  /* ... in a query parameter's name */
        SRV_URI_BAD_VALUE_ESCAPE, /* ... in the value of parameter `name` */
    } kind;
    char escape[4]; /* the bad escape as sent: "%ZZ", "%4", "%" */
    char name[64];  /* the parameter, decoded; "" when unprintable or longer */
} srv_uri_flaw;

/* Fills f for uri, the target as the client sent it (path and query). */
void srv_uri_check(const char *uri, srv_uri_flaw *f);
/* The 400 for a flaw (kind other than SRV_URI_OK), naming the parameter. */
void srv_uri_reply(const srv_uri_flaw *f, struct srv_response *rs);

#endif
