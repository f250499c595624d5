import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { bankKeys, fetchBank, fetchBanks, fetchDrawRules } from './api';

export const useBanks = (enabled = true) =>
  useQuery({ queryKey: bankKeys.list(), queryFn: ({ signal }) => fetchBanks(signal), enabled });

export const useBank = (bankId: string) =>
  useQuery({
    queryKey: bankKeys.bank(bankId),
    queryFn: ({ signal }) => fetchBank(bankId, signal),
    enabled: !!bankId,
  });

export const useDrawRules = (quizId: string) =>
  useQuery({
    queryKey: bankKeys.drawRules(quizId),
    queryFn: ({ signal }) => fetchDrawRules(quizId, signal),
  });

/** A change to banks: every bank view (lists, counts, draw rules' "available") reloads. */
export function useBankMutation<TVars, TResult>(mutationFn: (vars: TVars) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: bankKeys.all }),
  });
}
