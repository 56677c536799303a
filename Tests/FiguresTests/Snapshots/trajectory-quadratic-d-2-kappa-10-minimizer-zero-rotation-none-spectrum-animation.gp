# gdbench figure (trajectory animation): quadratic[d=2,kappa=10,minimizer=zero,rotation=none,spectrum=linear]: optimizer paths
# from suite fixture, run run, gdbench 0.1.0 (fixture), seed 0000000000000001
# data: trajectory-quadratic-d-2-kappa-10-minimizer-zero-rotation-none-spectrum-grid.dat, trajectory-quadratic-d-2-kappa-10-minimizer-zero-rotation-none-spectrum.dat
# render: gnuplot trajectory-quadratic-d-2-kappa-10-minimizer-zero-rotation-none-spectrum-animation.gp  (writes trajectory-quadratic-d-2-kappa-10-minimizer-zero-rotation-none-spectrum-animation.gif)
set terminal gif animate delay 8 loop 0 size 800,600 font 'DejaVu Sans,11'
set output 'trajectory-quadratic-d-2-kappa-10-minimizer-zero-rotation-none-spectrum-animation.gif'
set encoding utf8
set datafile missing '?'
set title 'quadratic[d=2,kappa=10,minimizer=zero,rotation=none,spectrum=linear]: optimizer paths'
set xlabel 'x₁'
set ylabel 'x₂'
set grid xtics ytics mxtics mytics lc rgb '#e0e0e0' lw 1, lc rgb '#f0f0f0' lw 0.5
set border 3 lw 1
set tics nomirror out scale 0.6
set linetype 1 lc rgb '#D55E00' lw 2 dt 1 pt 7 ps 0.8
set linetype 2 lc rgb '#009E73' lw 2 dt 1 pt 7 ps 0.8
set linetype 3 lc rgb '#CC79A7' lw 2 dt 2 pt 5 ps 0.8
set linetype 4 lc rgb '#F0E442' lw 2 dt 2 pt 5 ps 0.8
set key outside below center horizontal Left reverse maxcols 2 samplen 2.5 spacing 1.1 font ',10'
set xrange [-1.25:1.25]
set yrange [-1.25:1.25]
set size ratio -1
set contour base; unset surface; set view map
set cntrparam levels discrete 0.00859375,0.0161031,0.0301743,0.0565411,0.105948,0.198527,0.372003,0.697066,1.30617,2.44753,4.58623,8.59375
set table $contours
splot 'trajectory-quadratic-d-2-kappa-10-minimizer-zero-rotation-none-spectrum-grid.dat' using 1:2:3 with lines notitle
unset table
unset contour
frames = "0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39 40 41 42 43 44 45 46 47 48 49 50 51 52 53 54 55"
do for [frame = 1:words(frames)] {
it = int(word(frames, frame))
set title 'quadratic[d=2,kappa=10,minimizer=zero,rotation=none,spectrum=linear]: optimizer paths' . "\n" . sprintf('iteration %d', it)
plot 'trajectory-quadratic-d-2-kappa-10-minimizer-zero-rotation-none-spectrum.dat' index 1 using ($1 <= it ? $2 : NaN):3 with lines lc rgb 'white' lw 4.5 notitle, \
     'trajectory-quadratic-d-2-kappa-10-minimizer-zero-rotation-none-spectrum.dat' index 1 using ($1 <= it ? $2 : NaN):3 with linespoints lt 1 lw 2 ps 0.5 title 'nesterov-constant', \
     'trajectory-quadratic-d-2-kappa-10-minimizer-zero-rotation-none-spectrum.dat' index 1 every ::0::0 using 2:3 with points lt 1 pt 6 ps 1.8 notitle, \
     'trajectory-quadratic-d-2-kappa-10-minimizer-zero-rotation-none-spectrum.dat' index 2 using ($1 <= it ? $2 : NaN):3 with lines lc rgb 'white' lw 4.5 notitle, \
     'trajectory-quadratic-d-2-kappa-10-minimizer-zero-rotation-none-spectrum.dat' index 2 using ($1 <= it ? $2 : NaN):3 with linespoints lt 2 lw 2 ps 0.5 title 'newton', \
     'trajectory-quadratic-d-2-kappa-10-minimizer-zero-rotation-none-spectrum.dat' index 2 every ::0::0 using 2:3 with points lt 2 pt 6 ps 1.8 notitle, \
     'trajectory-quadratic-d-2-kappa-10-minimizer-zero-rotation-none-spectrum.dat' index 3 using ($1 <= it ? $2 : NaN):3 with lines lc rgb 'white' lw 4.5 notitle, \
     'trajectory-quadratic-d-2-kappa-10-minimizer-zero-rotation-none-spectrum.dat' index 3 using ($1 <= it ? $2 : NaN):3 with linespoints lt 3 lw 2 ps 0.5 title 'sgd[lr=0.18]', \
     'trajectory-quadratic-d-2-kappa-10-minimizer-zero-rotation-none-spectrum.dat' index 3 every ::0::0 using 2:3 with points lt 3 pt 6 ps 1.8 notitle, \
     'trajectory-quadratic-d-2-kappa-10-minimizer-zero-rotation-none-spectrum.dat' index 4 using ($1 <= it ? $2 : NaN):3 with lines lc rgb 'white' lw 4.5 notitle, \
     'trajectory-quadratic-d-2-kappa-10-minimizer-zero-rotation-none-spectrum.dat' index 4 using ($1 <= it ? $2 : NaN):3 with linespoints lt 4 lw 2 ps 0.5 title 'sgd[lr=1/L]', \
     'trajectory-quadratic-d-2-kappa-10-minimizer-zero-rotation-none-spectrum.dat' index 4 every ::0::0 using 2:3 with points lt 4 pt 6 ps 1.8 notitle, \
     $contours using 1:2 with lines lc rgb '#d4d4d4' lw 0.8 notitle, \
     'trajectory-quadratic-d-2-kappa-10-minimizer-zero-rotation-none-spectrum.dat' index 0 using 1:2 with points pt 3 ps 2.5 lc rgb '#000000' title 'minimum'
}
