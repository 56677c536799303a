# gdbench figure (regret): online-linear[d=2]: regret against rounds
# data: regret-online-linear-d-2.dat
# render: gnuplot regret-online-linear-d-2.gp  (writes regret-online-linear-d-2.png)
set terminal pngcairo size 800,600 enhanced font 'DejaVu Sans,11' linewidth 1.2
set output 'regret-online-linear-d-2.png'
set encoding utf8
set datafile missing '?'
set title 'online-linear[d=2]: regret against rounds'
set xlabel 'rounds T'
set ylabel 'regret R\_T'
set grid xtics ytics mxtics mytics lc rgb '#e0e0e0' lw 1, lc rgb '#f0f0f0' lw 0.5
set border 3 lw 1
set tics nomirror out scale 0.6
set linetype 1 lc rgb '#0072B2' lw 2 dt 1 pt 7 ps 0.8
set linetype 2 lc rgb '#D55E00' lw 2 dt 1 pt 7 ps 0.8
set linetype 3 lc rgb '#009E73' lw 2 dt 1 pt 7 ps 0.8
set key outside below center horizontal Left reverse maxcols 1 samplen 2.5 spacing 1.1 font ',10'
set logscale x
set format x '10^{%L}'
set logscale y
set format y '10^{%L}'
plot 'regret-online-linear-d-2.dat' index 0 using 1:2 with linespoints lt 1 pt 7 ps 0.5 title 'online-gd[step=constant]', \
     'regret-online-linear-d-2.dat' index 1 using 1:2 with linespoints lt 2 pt 7 ps 0.5 title 'online-gd[step=sqrt]', \
     'regret-online-linear-d-2.dat' index 2 using 1:2 with lines lt 3 dt 2 title 'bound (3/2)·D·G·√T, η\_t = D/(G√t) (Hazan 2022, Thm 3.1)'
