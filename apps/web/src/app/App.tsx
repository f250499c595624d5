import { lazy, useState } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { RequireAuth } from '../auth/RequireAuth';
import { Layout } from './Layout';
import { createQueryClient } from './query-client';

// Route-level code splitting keeps the first download to the shell (budget: 150 KB gzipped).
const HomePage = lazy(() => import('../home/HomePage'));
const LoginPage = lazy(() => import('../auth/LoginPage'));
const MePage = lazy(() => import('../me/MePage'));
const CertificateVerifyPage = lazy(() => import('../verify/CertificateVerifyPage'));
const NotFoundPage = lazy(() => import('./NotFoundPage'));

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <Routes>
          <Route element={<Layout />}>
            <Route
              index
              element={
                <RequireAuth>
                  <HomePage />
                </RequireAuth>
              }
            />
            <Route
              path="me"
              element={
                <RequireAuth>
                  <MePage />
                </RequireAuth>
              }
            />
            <Route path="login" element={<LoginPage />} />
            <Route path="verify" element={<CertificateVerifyPage />} />
            <Route path="verify/:serial" element={<CertificateVerifyPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </QueryClientProvider>
  );
}
