#ifndef _UAPI_ASM_GENERIC_SIGINFO_H
#define _UAPI_ASM_GENERIC_SIGINFO_H

/*
 * siginfo_t as the x86_64 ABI lays it out: three ints (signo, errno,
 * code), then at offset 16 a union whose member si_code selects, all
 * padded to 128 bytes.  The kernel keeps only the first 48 bytes
 * (struct kernel_siginfo, linux/signal.h) and zero-fills the rest when
 * it copies one out.
 */
#include <linux/types.h>
#include <linux/compiler.h>

typedef union sigval {
	int sival_int;
	void __user *sival_ptr;
} sigval_t;

#define SI_MAX_SIZE 128

union __sifields {
	struct { /* kill(), tkill() */
		pid_t _pid;
		uid_t _uid;
	} _kill;
	struct { /* POSIX timers */
		int _tid;
		int _overrun;
		sigval_t _sigval;
		int _sys_private;
	} _timer;
	struct { /* rt_sigqueueinfo() */
		pid_t _pid;
		uid_t _uid;
		sigval_t _sigval;
	} _rt;
	struct { /* SIGCHLD */
		pid_t _pid;
		uid_t _uid;
		int _status;
		long _utime; /* clock_t */
		long _stime;
	} _sigchld;
	struct { /* SIGILL, SIGFPE, SIGSEGV, SIGBUS, SIGTRAP */
		void __user *_addr;
		union {
			short _addr_lsb;
			struct {
				char _dummy_bnd[sizeof(void *)];
				void __user *_lower;
				void __user *_upper;
			} _addr_bnd;
			struct {
				char _dummy_pkey[sizeof(void *)];
				u32 _pkey;
			} _addr_pkey;
		};
	} _sigfault;
	struct { /* SIGPOLL */
		long _band;
		int _fd;
	} _sigpoll;
	struct { /* SIGSYS */
		void __user *_call_addr;
		int _syscall;
		unsigned int _arch;
	} _sigsys;
};

#define __SIGINFO                           \
	struct {                            \
		int si_signo;               \
		int si_errno;               \
		int si_code;                \
		union __sifields _sifields; \
	}

typedef struct siginfo {
	union {
		__SIGINFO;
		int _si_pad[SI_MAX_SIZE / sizeof(int)];
	};
} siginfo_t;

#define si_pid _sifields._kill._pid
#define si_uid _sifields._kill._uid
#define si_tid _sifields._timer._tid
#define si_overrun _sifields._timer._overrun
#define si_sys_private _sifields._timer._sys_private
#define si_status _sifields._sigchld._status
#define si_utime _sifields._sigchld._utime
#define si_stime _sifields._sigchld._stime
#define si_value _sifields._rt._sigval
#define si_int _sifields._rt._sigval.sival_int
#define si_ptr _sifields._rt._sigval.sival_ptr
#define si_addr _sifields._sigfault._addr
#define si_addr_lsb _sifields._sigfault._addr_lsb
#define si_band _sifields._sigpoll._band
#define si_fd _sifields._sigpoll._fd

/* si_code: who sent it (<= 0 means a user process) ... */
#define SI_USER 0 /* kill() */
#define SI_KERNEL 0x80
#define SI_QUEUE -1 /* sigqueue() */
#define SI_TIMER -2
#define SI_MESGQ -3
#define SI_ASYNCIO -4
#define SI_SIGIO -5
#define SI_TKILL -6 /* tkill(), tgkill() */
#define SI_FROMUSER(siptr) ((siptr)->si_code <= 0)
#define SI_FROMKERNEL(siptr) ((siptr)->si_code > 0)

/* ... or, for signals the kernel raises, why. */
#define ILL_ILLOPC 1
#define ILL_ILLOPN 2
#define ILL_ILLADR 3
#define ILL_ILLTRP 4
#define ILL_PRVOPC 5
#define ILL_PRVREG 6
#define ILL_COPROC 7
#define ILL_BADSTK 8

#define FPE_INTDIV 1
#define FPE_INTOVF 2
#define FPE_FLTDIV 3
#define FPE_FLTOVF 4
#define FPE_FLTUND 5
#define FPE_FLTRES 6
#define FPE_FLTINV 7
#define FPE_FLTSUB 8

#define SEGV_MAPERR 1
#define SEGV_ACCERR 2
#define SEGV_BNDERR 3
#define SEGV_PKUERR 4

#define BUS_ADRALN 1
#define BUS_ADRERR 2
#define BUS_OBJERR 3

#define TRAP_BRKPT 1
#define TRAP_TRACE 2

#define CLD_EXITED 1
#define CLD_KILLED 2
#define CLD_DUMPED 3
#define CLD_TRAPPED 4
#define CLD_STOPPED 5
#define CLD_CONTINUED 6

#define POLL_IN 1
#define POLL_OUT 2
#define POLL_MSG 3
#define POLL_ERR 4
#define POLL_PRI 5
#define POLL_HUP 6

#endif /* _UAPI_ASM_GENERIC_SIGINFO_H */
