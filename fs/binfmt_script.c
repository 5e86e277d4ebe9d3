/*
 * "#!" scripts: the first line names an interpreter and at most one
 * argument.  execve("/s", ["s", "a"]) of a file starting "#!/bin/sh -e"
 * runs /bin/sh with argv ["/bin/sh", "-e", "/s", "a"], as Linux does:
 * argv[0] is replaced by the interpreter, its argument and the script's
 * path.  Interpreters may themselves be scripts, a few levels deep.
 */
#include <linux/binfmts.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/string.h>

static bool spacetab(char c)
{
	return c == ' ' || c == '\t';
}

static int load_script(struct linux_binprm *bprm)
{
	char *buf = bprm->buf, *end, *interp, *arg = NULL, *p;
	struct file *file;
	int err;

	if (buf[0] != '#' || buf[1] != '!')
		return -ENOEXEC;
	/*
	 * The line ends at a newline or at the end of what was read.  A
	 * line longer than that is fine only if the interpreter name
	 * itself is complete (followed by a blank), as Linux checks.
	 */
	end = memchr(buf, '\n', BINPRM_BUF_SIZE);
	if (!end) {
		end = buf + BINPRM_BUF_SIZE - 1;
		for (p = buf + 2; p < end && spacetab(*p); p++)
			;
		for (; p < end && !spacetab(*p); p++)
			;
		if (p == end)
			return -ENOEXEC;
	}
	*end = '\0';
	while (end > buf + 2 && spacetab(end[-1]))
		*--end = '\0';
	for (interp = buf + 2; spacetab(*interp); interp++)
		;
	if (!*interp)
		return -ENOEXEC;
	for (p = interp; *p && !spacetab(*p); p++)
		;
	if (*p) {
		*p++ = '\0';
		while (spacetab(*p))
			p++;
		if (*p)
			arg = p;
	}

	bprm_remove_first_arg(bprm);
	err = bprm_prepend_arg(bprm, bprm->interp);
	if (!err && arg)
		err = bprm_prepend_arg(bprm, arg);
	if (!err)
		err = bprm_prepend_arg(bprm, interp);
	if (!err)
		err = bprm_change_interp(interp, bprm);
	if (err)
		return err;
	file = open_exec(interp);
	if (IS_ERR(file))
		return PTR_ERR(file);
	fput(bprm->file);
	bprm->file = file;
	return 0;
}

static struct linux_binfmt script_format = {
	.name = "script",
	.load_binary = load_script,
};

static int __init init_script_binfmt(void)
{
	register_binfmt(&script_format);
	return 0;
}
core_initcall(init_script_binfmt);
