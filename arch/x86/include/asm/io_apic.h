#ifndef _ASM_X86_IO_APIC_H
#define _ASM_X86_IO_APIC_H

#include <linux/types.h>

/*
 * I/O APICs: the chipset's interrupt routers.  Each has a base global
 * system interrupt (GSI) number and a redirection entry per input pin
 * saying which vector to send to which local APIC.  The firmware's ACPI
 * MADT lists them and how the ISA IRQs reach them (interrupt source
 * overrides: on QEMU and most PCs the PIT's IRQ 0 is pin 2).
 */
#define MAX_IO_APICS 8

/* Registers, through the index (IOREGSEL) and data (IOWIN) windows. */
#define IO_APIC_REGSEL 0x00
#define IO_APIC_WINDOW 0x10
#define IO_APIC_ID 0x00
#define IO_APIC_VERSION 0x01 /* bits 16-23: number of pins - 1 */
#define IO_APIC_REDTBL(pin) (0x10 + 2 * (pin))

/* Redirection entry bits (low dword). */
#define IO_APIC_DEST_LOGICAL (1 << 11)
#define IO_APIC_POLARITY_LOW (1 << 13)
#define IO_APIC_REMOTE_IRR (1 << 14)
#define IO_APIC_TRIGGER_LEVEL (1 << 15)
#define IO_APIC_MASKED (1 << 16)

/* MPS INTI flags, as in the MADT's interrupt source overrides. */
#define MP_IRQPOL_DEFAULT 0x0
#define MP_IRQPOL_ACTIVE_HIGH 0x1
#define MP_IRQPOL_ACTIVE_LOW 0x3
#define MP_IRQPOL_MASK 0x3
#define MP_IRQTRIG_DEFAULT 0x0
#define MP_IRQTRIG_EDGE 0x4
#define MP_IRQTRIG_LEVEL 0xc
#define MP_IRQTRIG_MASK 0xc

extern int nr_ioapics;

void mp_register_ioapic(int id, u32 address, u32 gsi_base);
void mp_override_legacy_irq(u8 bus_irq, u16 inti_flags, u32 gsi);
void setup_IO_APIC(void);
int mp_irq_to_gsi(unsigned int irq);

#endif /* _ASM_X86_IO_APIC_H */
