/*
 * The baseline of issue 7: one thread reading, with sqlite3_step, the columns the default rules read from
 * `cases` and `reviews`, touching every value and doing nothing else. Kaoping's cold run is measured
 * against this program's wall time on the same store, in the same session.
 *
 *   cc -O2 -o raw-read raw-read.c -lsqlite3 && ./raw-read STORE
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: raw-read STORE\n");
    return 2;
  }
  sqlite3 *db;
  if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
    fprintf(stderr, "cannot open %s\n", argv[1]);
    return 2;
  }
  const char *qs[] = {
    "SELECT center_id, kind, status, channel, window_type, accepted_at, finished_at, promised_days, paused_days, corrections, appointment, one_thing, proxy_service, off_hours, visits FROM cases",
    "SELECT center_id, rating, is_default, is_malicious, rated_at, replied_at, verified_at, rectified_at, revisited_at FROM reviews", NULL };
  long long rows = 0; double acc = 0;
  for (int q = 0; qs[q]; q++) {
    sqlite3_stmt *st; sqlite3_prepare_v2(db, qs[q], -1, &st, NULL);
    int n = sqlite3_column_count(st);
    while (sqlite3_step(st) == SQLITE_ROW) {
      rows++;
      for (int i = 0; i < n; i++) {
        if (sqlite3_column_type(st, i) == SQLITE_TEXT) acc += sqlite3_column_bytes(st, i);
        else acc += sqlite3_column_double(st, i);
      }
    }
    sqlite3_finalize(st);
  }
  printf("%lld rows %f\n", rows, acc);
  return 0;
}
