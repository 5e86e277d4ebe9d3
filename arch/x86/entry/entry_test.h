/*
 * Shared by entry_test.c and the user programs of entry_test_user.S:
 * where the programs run and where they leave their results.
 */
#ifndef _ARCH_X86_ENTRY_TEST_H
#define _ARCH_X86_ENTRY_TEST_H

#define ET_CODE 0x400000 /* the programs, one page */
#define ET_DATA 0x600000 /* results and shared words, one page */
#define ET_STACK 0x700000 /* task i's stack page: ET_STACK + 2 * i pages */

/* Each task's result block: ET_DATA + ET_BLOCK * i; %rdi points at it. */
#define ET_BLOCK 0x400
/* Shared words (after the blocks of up to three tasks). */
#define ET_COUNT1 0xe00
#define ET_COUNT2 0xe08

/* Offsets in a block, written by the ABI program. */
#define R_SETFS 0x00 /* arch_prctl(ARCH_SET_FS, block + R_FSAREA) */
#define R_FS0 0x08 /* %fs:0 afterwards */
#define R_GETFS_RET 0x10
#define R_GETFS 0x18 /* what ARCH_GET_FS stored */
#define R_GETFS_UNMAPPED 0x20 /* ARCH_GET_FS to an unmapped page */
#define R_GETFS_KERNEL 0x28 /* ARCH_GET_FS to a kernel address */
#define R_SETFS_KERNEL 0x30 /* ARCH_SET_FS of a kernel address */
#define R_BAD_CODE 0x38 /* arch_prctl(0x9999) */
#define R_SETGS 0x40
#define R_GETGS_RET 0x48
#define R_GETGS 0x50
#define R_NR_1000 0x58 /* syscall 1000 */
#define R_NR_UNIMPL 0x60 /* an unimplemented syscall (acct) */
#define R_NR_HIGH 0x68 /* 1 << 32 | 1000: only the low 32 bits count */
#define R_ABI_RET 0x70 /* the ABI syscall's rax */
#define R_ABI_RCX 0x78
#define R_ABI_RIP 0x80 /* the address after that syscall */
#define R_ABI_R11 0x88
#define R_ABI_FLAGS 0x90 /* rflags read back after it */
#define R_ABI_REGS 0x98 /* rbx rbp r12 r13 r14 r15 rdi rsi rdx r10 r8 r9 */
#define R_ABI_NREGS 12
#define R_FSAREA 0x100 /* FS points here: 8 bytes the test fills */
#define R_GSAREA 0x180

/* Written by the FPU program. */
#define R_XMM 0x200 /* xmm0..xmm15, 16 bytes each */
#define R_MXCSR 0x300
#define R_FCW 0x308

/* The FPU program's x87 control and MXCSR words for token t (1, 2). */
#define ET_FCW(t) (0x037f ^ ((t) << 10)) /* rounding control */
#define ET_MXCSR(t) (0x1f80 | ((t) << 13)) /* rounding control */

#endif /* _ARCH_X86_ENTRY_TEST_H */
