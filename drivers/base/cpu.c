/*
 * /sys/devices/system/cpu: the possible, present and online masks as
 * lists ("0-3"), kernel_max, and a cpuN directory per possible CPU.
 */
#include <linux/cpumask.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/kobject.h>
#include <linux/sysfs.h>
#include "base.h"

/* "0-2,5\n" */
static ssize_t cpumask_list_show(const struct cpumask *mask, char *buf)
{
	unsigned int cpu = 0, end;
	int len = 0;

	while (cpu < nr_cpu_ids) {
		if (!cpumask_test_cpu(cpu, mask)) {
			cpu++;
			continue;
		}
		for (end = cpu;
		     end + 1 < nr_cpu_ids && cpumask_test_cpu(end + 1, mask);
		     end++)
			;
		len += scnprintf(buf + len, PAGE_SIZE - len, "%s%u",
				 len ? "," : "", cpu);
		if (end > cpu)
			len += scnprintf(buf + len, PAGE_SIZE - len, "-%u", end);
		cpu = end + 1;
	}
	len += scnprintf(buf + len, PAGE_SIZE - len, "\n");
	return len;
}

static ssize_t online_show(struct kobject *kobj, struct kobj_attribute *a,
			   char *buf)
{
	return cpumask_list_show(cpu_online_mask, buf);
}

static ssize_t possible_show(struct kobject *kobj, struct kobj_attribute *a,
			     char *buf)
{
	return cpumask_list_show(cpu_possible_mask, buf);
}

static ssize_t present_show(struct kobject *kobj, struct kobj_attribute *a,
			    char *buf)
{
	return cpumask_list_show(cpu_present_mask, buf);
}

static ssize_t kernel_max_show(struct kobject *kobj, struct kobj_attribute *a,
			       char *buf)
{
	return sysfs_emit(buf, "%d\n", NR_CPUS - 1);
}

static struct kobj_attribute cpu_attrs[] = {
	__ATTR_RO(online),
	__ATTR_RO(possible),
	__ATTR_RO(present),
	__ATTR_RO(kernel_max),
};

/** cpu_dev_init - /sys/devices/system/cpu and its files.  Boot. */
void __init cpu_dev_init(void)
{
	struct kobject *system, *cpu_kobj;
	unsigned int cpu, i;

	system = kobject_create_and_add("system", &devices_kset->kobj);
	cpu_kobj = system ? kobject_create_and_add("cpu", system) : NULL;
	if (!cpu_kobj) {
		pr_err("cpu: cannot make /sys/devices/system/cpu\n");
		return;
	}
	for (i = 0; i < ARRAY_SIZE(cpu_attrs); i++)
		sysfs_create_file(cpu_kobj, &cpu_attrs[i].attr);
	for_each_possible_cpu(cpu) {
		char name[16];

		snprintf(name, sizeof(name), "cpu%u", cpu);
		kobject_create_and_add(name, cpu_kobj);
	}
}
