import { readdirSync, readFileSync } from 'node:fs';

/**
 * True while a process group still has a member that is not a zombie. `kill(-pgid, 0)` alone is not
 * enough: where PID 1 does not reap orphans (containers), killed grandchildren stay zombies forever
 * and would look alive. Linux only, like bubblewrap: without /proc the group counts as alive.
 */
export function isProcessGroupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return true;
  }
  return pids.some((pid) => isLiveMember(pid, pgid));
}

function isLiveMember(pid: string, pgid: number): boolean {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return false;
  }
  // /proc/PID/stat is "pid (comm) state ppid pgrp …"; comm may hold spaces and parentheses.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[2]) === pgid && fields[0] !== 'Z' && fields[0] !== 'X';
}
