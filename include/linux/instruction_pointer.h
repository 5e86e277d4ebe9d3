#ifndef _LINUX_INSTRUCTION_POINTER_H
#define _LINUX_INSTRUCTION_POINTER_H

/*
 * _RET_IP_: where the current function will return to, i.e. its call
 * site.  _THIS_IP_: an address inside the current function.  Lock
 * debugging records them to say where a lock was taken.
 */
#define _RET_IP_ ((unsigned long)__builtin_return_address(0))
#define _THIS_IP_                        \
	({                               \
		__label__ __here;        \
__here:                                  \
		(unsigned long)&&__here; \
	})

#endif /* _LINUX_INSTRUCTION_POINTER_H */
