#ifndef _LINUX_MODULEPARAM_H
#define _LINUX_MODULEPARAM_H

/*
 * kernel/params.c: split a command line into "param" / "param=value"
 * words, honouring double quotes, and hand each to @unknown.  Returns
 * NULL, or what follows a "--" (the arguments reserved for init), or
 * an ERR_PTR() when @unknown fails.
 */
char *parse_args(const char *doing, char *args,
		 int (*unknown)(char *param, char *val, const char *doing));

#endif /* _LINUX_MODULEPARAM_H */
