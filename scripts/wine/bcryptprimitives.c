/*
 * Test equipment only, never shipped: a stand-in bcryptprimitives.dll for wine 8.
 *
 * Rust's standard library (since 1.78) gets its random numbers from ProcessPrng in
 * bcryptprimitives.dll, which every Windows 10/11 has and wine 8 (Debian's) lacks: without it
 * every Rust exe exits with status 53 under wine. scripts/test-windows.sh builds this file with
 * mingw-w64 into the test wine prefix's system32. It forwards to RtlGenRandom (advapi32's
 * SystemFunction036), which wine has.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
