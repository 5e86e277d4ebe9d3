#ifndef _ASM_X86_TIME_H
#define _ASM_X86_TIME_H

void time_init(void);

#endif /* _ASM_X86_TIME_H */
