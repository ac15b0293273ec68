/*
 * Runs one program and reports its whole-process wall time and peak resident memory, as /usr/bin/time does:
 *
 *   kaoping-measure REPORT PROGRAM [ARGUMENT...]
 *
 * writes "SECONDS PEAK_KILOBYTES" to the file REPORT and exits with the program's exit status (128 + the
 * signal if a signal ended it). Standard input, output and error are the program's.
 *
 * kaoping-bench runs every measured process through this small program rather than spawning it itself: a
 * process started with posix_spawn from a larger one (glibc spawns with CLONE_VM) keeps that process's peak
 * resident memory as its own ru_maxrss across exec, and kaoping-bench grows as it reads results. Here the
 * child is forked from a process of a few hundred kilobytes, so ru_maxrss is the program's own.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: kaoping-measure REPORT PROGRAM [ARGUMENT...]\n");
    return 2;
  }
  struct timespec start, end;
  clock_gettime(CLOCK_MONOTONIC, &start);
  pid_t child = fork();
  if (child < 0) {
    perror("kaoping-measure: fork");
    return 2;
  }
  if (child == 0) {
    execvp(argv[2], argv + 2);
    fprintf(stderr, "kaoping-measure: cannot run %s: ", argv[2]);
    perror(NULL);
    _exit(127);
  }
  int status;
  struct rusage usage;
  while (wait4(child, &status, 0, &usage) < 0) {
    if (errno == EINTR) continue;
    perror("kaoping-measure: wait4");
    return 2;
  }
  clock_gettime(CLOCK_MONOTONIC, &end);
  double seconds = (double)(end.tv_sec - start.tv_sec) + (double)(end.tv_nsec - start.tv_nsec) / 1e9;
#ifdef __APPLE__
  long kilobytes = usage.ru_maxrss / 1024; /* bytes on macOS */
#else
  long kilobytes = usage.ru_maxrss; /* kilobytes on Linux */
#endif
  FILE *report = fopen(argv[1], "w");
  if (!report || fprintf(report, "%.6f %ld\n", seconds, kilobytes) < 0 || fclose(report) != 0) {
    fprintf(stderr, "kaoping-measure: cannot write %s\n", argv[1]);
    return 2;
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
