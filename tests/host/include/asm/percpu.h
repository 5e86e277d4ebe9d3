#ifndef _HOST_ASM_PERCPU_H
#define _HOST_ASM_PERCPU_H

/*
 * Host-test shim: one "CPU", whose per-CPU variables are plain globals.
 * A test simulates running on CPU n by setting cpu_number to n (it
 * defines cpu_number, and current_task if the code uses current).
 */
#define this_cpu_read(var) (var)
#define this_cpu_write(var, val) ((var) = (val))
#define this_cpu_add(var, val) ((var) += (val))
#define this_cpu_inc(var) this_cpu_add(var, 1)
#define this_cpu_dec(var) this_cpu_add(var, -1)

#endif /* _HOST_ASM_PERCPU_H */
