// libpq, PostgreSQL's own C client library (libpq-dev). pkg-config's libpq.pc puts its headers on the include
// path (-I/usr/include/postgresql on Debian and Ubuntu, the Homebrew prefix on macOS).
#include <libpq-fe.h>
