/*
 * driver_init - the device model's skeleton, before the initcalls
 * register devices into it: /sys/devices, /sys/class, /sys/kernel,
 * /sys/fs, /sys/block (empty: no block layer) and the CPUs.
 */
#include <linux/device.h>
#include <linux/init.h>
#include <linux/kobject.h>
#include <linux/printk.h>
#include "base.h"

void __init driver_init(void)
{
	if (devices_init() || classes_init())
		pr_err("driver_init: no memory for /sys\n");
	kobject_kernel_init();
	kobject_create_and_add("block", NULL);
	if (devices_kset)
		cpu_dev_init();
}
