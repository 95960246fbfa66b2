import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import type { ReactNode } from "react";

import { ApolloClientProvider } from "../components/ApolloClientProvider";
import { OrganizationSwitcher } from "../components/OrganizationSwitcher";
import { readApiUrl } from "../lib/readApiUrl";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "REE workbench", template: "%s · REE workbench" },
  description:
    "Predicts rare earth element contents of coal ashes from their XRF oxide composition.",
};

/**
 * Root layout. Rendered per request, so that REE_API_URL is read when the server runs rather
 * than frozen into the build.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  const apiUrl = readApiUrl();

  return (
    <html lang="en">
      <body>
        <ApolloClientProvider apiUrl={apiUrl}>
          <header className="site-header">
            <nav aria-label="Main">
              <Link href="/" className="site-name">
                REE workbench
              </Link>
              <Link href="/">Overview</Link>
              <Link href="/runs">Runs</Link>
              <Link href="/predict">Predict</Link>
              <Link href="/models">Models</Link>
              <OrganizationSwitcher />
            </nav>
          </header>
          <main>{children}</main>
        </ApolloClientProvider>
      </body>
    </html>
  );
}
