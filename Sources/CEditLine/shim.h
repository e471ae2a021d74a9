#ifndef INTERLEAVE_CEDITLINE_SHIM_H
#define INTERLEAVE_CEDITLINE_SHIM_H
#include <stdio.h>
#include <histedit.h>
#include <editline/readline.h>

/* libedit's el_set and history are C variadic functions, which Swift cannot call: these wrappers
   give the REPL the few calls it needs. */

typedef char *(*interleave_el_prompt_fn)(EditLine *);
typedef unsigned char (*interleave_el_command_fn)(EditLine *, int);

/* Sets up an editor: emacs keys, no libedit signal handling (the REPL handles SIGINT and SIGWINCH
   itself), the prompt function, the key reader, the history, `complete` bound to Tab and
   `eof_or_delete` to Ctrl-D (libedit's own prints "^D"). ~/.editrc is read last, so the learner's own
   bindings win. */
static inline void interleave_el_configure(EditLine *el, interleave_el_prompt_fn prompt, el_rfunc_t getc_fn,
                                           History *hist, interleave_el_command_fn complete,
                                           interleave_el_command_fn eof_or_delete) {
    el_set(el, EL_EDITOR, "emacs");
    el_set(el, EL_SIGNAL, 0);
    el_set(el, EL_PROMPT, prompt);
    el_set(el, EL_GETCFN, getc_fn);
    el_set(el, EL_HIST, history, hist);
    el_set(el, EL_ADDFN, "interleave-complete", "Complete the name before the cursor", complete);
    el_set(el, EL_BIND, "^I", "interleave-complete", NULL);
    el_set(el, EL_ADDFN, "interleave-eof", "End of input on an empty line, else delete a character", eof_or_delete);
    el_set(el, EL_BIND, "^D", "interleave-eof", NULL);
    /* Ctrl-R searches the history backwards, as in readline. */
    el_set(el, EL_BIND, "^R", "em-inc-search-prev", NULL);
    el_source(el, NULL);
}

static inline int interleave_history_setsize(History *h, int n) {
    HistEvent ev;
    return history(h, &ev, H_SETSIZE, n);
}

static inline int interleave_history_enter(History *h, const char *line) {
    HistEvent ev;
    return history(h, &ev, H_ENTER, line);
}

#endif
