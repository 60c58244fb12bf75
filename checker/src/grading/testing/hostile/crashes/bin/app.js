// Ends its process with a fault before any template exists, as a failing native addon does: the
// grader must name the crash and the app's last words in one line, not a stack frame or an exit.
console.error('hostile-crash: the native addon gave up');
process.abort();
