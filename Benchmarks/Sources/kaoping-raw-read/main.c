/*
 * The baseline of issues 7 and 8: one thread stepping, with sqlite3_step, through the rows of the SELECT
 * statements in QUERIES (the scans `kaoping run` issues for a rule file, as in Benchmarks/six.read.sql), touching
 * every value and doing nothing else. Kaoping's cold run is measured against this program's wall time on the
 * same store, in the same session. It generalizes Benchmarks/raw-read.c, whose queries are fixed.
 *
 *   kaoping-raw-read STORE QUERIES
 *
 * Prints the number of rows read and a checksum of the values (so no read can be optimized away).
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

/* The whole file as a NUL-terminated string, or NULL. */
static char *read_file(const char *path) {
  FILE *file = fopen(path, "rb");
  if (!file) return NULL;
  size_t capacity = 4096, length = 0;
  char *text = malloc(capacity);
  size_t n;
  while (text && (n = fread(text + length, 1, capacity - length - 1, file)) > 0) {
    length += n;
    if (length + 1 == capacity) text = realloc(text, capacity *= 2);
  }
  fclose(file);
  if (text) text[length] = '\0';
  return text;
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: kaoping-raw-read STORE QUERIES\n");
    return 2;
  }
  char *queries = read_file(argv[2]);
  if (!queries) {
    fprintf(stderr, "kaoping-raw-read: cannot read %s\n", argv[2]);
    return 2;
  }
  sqlite3 *db;
  if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
    fprintf(stderr, "kaoping-raw-read: cannot open %s: %s\n", argv[1], sqlite3_errmsg(db));
    return 2;
  }
  long long rows = 0;
  double checksum = 0;
  const char *next = queries;
  while (*next) {
    sqlite3_stmt *statement;
    if (sqlite3_prepare_v2(db, next, -1, &statement, &next) != SQLITE_OK) {
      fprintf(stderr, "kaoping-raw-read: %s\n", sqlite3_errmsg(db));
      return 2;
    }
    if (!statement) continue; /* only whitespace or comments were left */
    int columns = sqlite3_column_count(statement);
    int status;
    while ((status = sqlite3_step(statement)) == SQLITE_ROW) {
      rows++;
      for (int i = 0; i < columns; i++) {
        if (sqlite3_column_type(statement, i) == SQLITE_TEXT) checksum += sqlite3_column_bytes(statement, i);
        else checksum += sqlite3_column_double(statement, i);
      }
    }
    if (status != SQLITE_DONE) {
      fprintf(stderr, "kaoping-raw-read: %s\n", sqlite3_errmsg(db));
      return 2;
    }
    sqlite3_finalize(statement);
  }
  printf("%lld rows %f\n", rows, checksum);
  sqlite3_close(db);
  free(queries);
  return 0;
}
