/*
 * A stand-in for Windows' bcryptprimitives.dll, for the smoke test under
 * wine only: Go programs (since Go 1.22) take their random numbers from its
 * ProcessPrng, which every Windows that Go supports has but Debian 12's
 * wine 8 lacks. It draws them from RtlGenRandom, which wine has.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length); /* RtlGenRandom */

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
	while (length > 0) {
		ULONG n = length > 0x40000000 ? 0x40000000 : (ULONG)length;
		if (!SystemFunction036(data, n))
			return FALSE;
		data += n;
		length -= n;
	}
	return TRUE;
}
