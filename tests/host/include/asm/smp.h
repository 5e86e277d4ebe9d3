#ifndef _HOST_ASM_SMP_H
#define _HOST_ASM_SMP_H

/*
 * Host-test shim: one CPU, so nothing of x86's AP bring-up or IPIs;
 * <linux/smp.h> includes this for the kernel's <asm/smp.h>.
 */

#endif /* _HOST_ASM_SMP_H */
