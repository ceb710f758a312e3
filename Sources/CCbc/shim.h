// COIN-OR CBC's C interface: the exact solver the meeting planner uses on events small
// enough to solve outright (Debian/Ubuntu: apt-get install coinor-libcbc-dev).
#include <Cbc_C_Interface.h>
